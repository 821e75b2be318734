using NewsCompare.Web.Editing;
using NewsCompare.Web.Importing;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Startup;

/// <summary>The Core services behind the pages: import, corrections and story insights.</summary>
public static class NewsServices
{
    public static IServiceCollection AddNewsServices(this IServiceCollection services)
    {
        services.AddScoped<ICaptureImporter, StoreCaptureImporter>();
        services.AddScoped<IStoryEditor, StoryEditor>();
        services.AddScoped<IStoryInsights, StoryInsights>();
        return services;
    }
}
