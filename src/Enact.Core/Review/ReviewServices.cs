using Microsoft.Extensions.DependencyInjection;

namespace Enact.Core.Review;

public static class ReviewServices
{
    /// <summary>Review to publication: the editors' and reviewers' services (the host registers an <see cref="IReviewNotifier"/>).</summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddScoped<ReviewDesk>();
        services.AddScoped<ReviewerDesk>();
        return services;
    }
}
