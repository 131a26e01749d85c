using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Intake;
using ResourceHub.Application.Resources;
using ResourceHub.Application.Search;

namespace ResourceHub.Application;

public static class ApplicationServices
{
    /// <summary>The use cases. The host also registers the ports they need (<see cref="IMediaStarter"/>, <see cref="IResourceFiles"/>, the search index, the database).</summary>
    public static IServiceCollection AddResourceHubApplication(this IServiceCollection services)
    {
        services.AddSingleton(new Identity.OrganizationDirectory(TimeProvider.System));
        services.AddScoped<ReviewerView>();
        services.AddScoped<ResourceReader>();
        services.AddScoped<ResourceSearch>();
        services.AddScoped<IndexNow>();
        services.AddScoped<DownloadCounter>();
        services.AddScoped<ResourceDownloads>();
        services.AddScoped<ResourceFacts>();
        services.AddScoped<UploadChecks>();
        services.AddScoped<CurationStore>();
        services.AddScoped<CurationRunner>();
        services.AddScoped<ReviewDesk>();
        services.AddScoped<Recommendations>();
        services.AddScoped<QuotaAdmin>();
        services.AddScoped<RubricAdmin>();
        services.AddScoped<Contests.ContestStore>();
        services.AddScoped<Contests.ContestOrganising>();
        services.AddScoped<Contests.ContestEntering>();
        services.AddScoped<Contests.ContestVoting>();
        services.AddScoped<Contests.ContestResults>();
        services.AddScoped<RevisionEditor>();
        services.AddScoped<ResourceAuthoring>();
        services.AddScoped<ResourceUploads>();
        services.AddScoped<Duplicates.ExactDuplicates>();
        services.AddScoped<Duplicates.DuplicateMatches>();
        services.AddScoped<Duplicates.NearDuplicates>();
        services.AddScoped<Duplicates.ResourceMerging>();
        services.AddScoped<MyUploads>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<LocalAccounts>();
        services.AddScoped<Organizations.OrganizationAdmin>();
        services.AddScoped<AccountAdmin>();
        services.AddScoped<Packages.BlobCrcs>();
        services.AddScoped<Packages.Baskets>();
        services.AddScoped<Packages.PackageAuthoring>();
        services.AddScoped<Packages.PackageCuration>();
        services.AddScoped<Packages.PackageDownloads>();
        services.AddScoped<Statistics.StatsScopes>();
        services.AddScoped<Statistics.ResourceFigures>();
        services.AddScoped<Statistics.CurationFigures>();
        services.AddScoped<Statistics.UsageFigures>();
        services.AddScoped<Statistics.StatsReports>();
        services.AddScoped<RowChecker>();
        services.AddScoped<ImportJobs>();
        services.AddScoped<ImportJobQueue>();
        services.AddScoped<ImportRunner>();
        return services;
    }
}
