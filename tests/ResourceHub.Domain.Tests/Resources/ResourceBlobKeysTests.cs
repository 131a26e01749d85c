using ResourceHub.Domain.Resources;

namespace ResourceHub.Domain.Tests.Resources;

public sealed class ResourceBlobKeysTests
{
    [Fact]
    public void Every_key_of_a_resource_lies_in_its_folder_and_the_folder_names_the_resource()
    {
        var id = Guid.NewGuid();
        var folder = ResourceBlobKeys.Folder(id);
        Assert.All([ResourceBlobKeys.Original(id), ResourceBlobKeys.Revision(id), ResourceBlobKeys.RenditionSet(id)],
            key => Assert.StartsWith(folder, key));
        Assert.NotEqual(ResourceBlobKeys.Revision(id), ResourceBlobKeys.Revision(id));
        Assert.Equal(id, ResourceBlobKeys.ResourceOf(folder));
    }

    [Theory]
    [InlineData("resources/not-a-guid/")]
    [InlineData("resources/")]
    [InlineData("other/0b9c3f0e-5d2a-4a53-9d55-1f0c8c1e2a11/")]
    [InlineData("resources/0b9c3f0e-5d2a-4a53-9d55-1f0c8c1e2a11/original")]
    public void Anything_but_a_resource_folder_names_no_resource(string key) => Assert.Null(ResourceBlobKeys.ResourceOf(key));
}
