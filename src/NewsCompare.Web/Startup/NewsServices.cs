using Microsoft.Extensions.Options;
using NewsCompare.Core.Metadata;
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
        services.AddSingleton<OutletDirectory>();
        // A bad outlets file stops the app at start with the file and the reason, not a page later.
        services.AddSingleton<IValidateOptions<NewsCompareOptions>, OutletFileCheck>();
        services.AddOptions<NewsCompareOptions>().ValidateOnStart();
        return services;
    }
}

/// <summary>Checks at start that the outlets file named in configuration is a valid registry.</summary>
public sealed class OutletFileCheck(IWebHostEnvironment environment) : IValidateOptions<NewsCompareOptions>
{
    public ValidateOptionsResult Validate(string? name, NewsCompareOptions options)
    {
        try
        {
            OutletRegistry.Load(OutletDirectory.FullPath(options.Outlets, environment.ContentRootPath));
            return ValidateOptionsResult.Success;
        }
        catch (InvalidDataException e)
        {
            return ValidateOptionsResult.Fail($"NewsCompare:Outlets: {e.Message}");
        }
    }
}
