using Enact.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Enact.Core.CaseStudies;

public static class CaseStudiesServices
{
    /// <summary>Case studies: interchange (import/export) and the public library.</summary>
    public static IServiceCollection AddCaseStudies(this IServiceCollection services)
    {
        services.AddScoped<CaseStudyInterchange>();
        services.AddScoped<CaseStudyLibrary>();
        services.AddScoped<Review.CaseStudyWorkflow>();
        return services.AddSearch();
    }

    /// <summary>This instance's search index, its worker over the indexing outbox, and the search service.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton(provider => IndexingOptions.From(provider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<CaseStudySearch>();
        services.AddSingleton<IndexingSignal>();
        services.AddScoped<CaseStudyIndexer>();
        services.AddHostedService<IndexingWorker>();
        return services;
    }
}
