using ResourceHub.Domain.Resources;

namespace ResourceHub.Domain.Tests.Resources;

public sealed class ResourceBlobKeysTests
{
    [Fact]
    public void Every_key_of_a_resource_lies_in_its_folder_and_the_folder_names_the_resource()
    {
        var id = Guid.NewGuid();
        var folder = ResourceBlobKeys.Folder(id);
        Assert.All([ResourceBlobKeys.Upload(id), ResourceBlobKeys.Revision(id), ResourceBlobKeys.RenditionSet(id)],
            key => Assert.StartsWith(folder, key));
        Assert.NotEqual(ResourceBlobKeys.Revision(id), ResourceBlobKeys.Revision(id));
        Assert.NotEqual(ResourceBlobKeys.Upload(id), ResourceBlobKeys.Upload(id)); // concurrent uploads never share a key
        Assert.Equal(id, ResourceBlobKeys.ResourceOf(folder));
    }

    [Theory]
    [InlineData("resources/not-a-guid/")]
    [InlineData("resources/")]
    [InlineData("other/0b9c3f0e-5d2a-4a53-9d55-1f0c8c1e2a11/")]
    [InlineData("resources/0b9c3f0e-5d2a-4a53-9d55-1f0c8c1e2a11/original")]
    public void Anything_but_a_resource_folder_names_no_resource(string key) => Assert.Null(ResourceBlobKeys.ResourceOf(key));

    [Fact]
    public void A_rendition_set_is_recognised_and_nothing_else_is()
    {
        var id = Guid.NewGuid();
        Assert.True(ResourceBlobKeys.IsRenditionSet(ResourceBlobKeys.RenditionSet(id)));
        Assert.False(ResourceBlobKeys.IsRenditionSet(ResourceBlobKeys.Folder(id)));
        Assert.False(ResourceBlobKeys.IsRenditionSet(ResourceBlobKeys.Folder(id) + "renditions/"));
        Assert.False(ResourceBlobKeys.IsRenditionSet(ResourceBlobKeys.Upload(id)));
    }
}
