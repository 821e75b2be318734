using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NewsCompare.Web.Importing;

namespace NewsCompare.Web.Startup;

public static class PagesSetup
{
    /// <summary>Razor Pages with lower-case URLs; editor-only pages and the upload's size limits set by convention.</summary>
    public static IServiceCollection AddNewsPages(this IServiceCollection services)
    {
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizePage("/Import", EditorAuth.Policy);
            options.Conventions.AuthorizePage("/Stories/Edit", EditorAuth.Policy);
        });
        // The upload limits come from configuration, read once the host's configuration is complete.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<NewsCompareOptions>>((pages, settings) =>
            pages.Conventions.AddPageApplicationModelConvention("/Import", model =>
            {
                var bytes = settings.Value.Upload.MaxRequestBytes;
                model.Filters.Add(new RequestSizeLimitAttribute(bytes));
                model.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = bytes, ValueCountLimit = 64 });
            }));
        services.AddSingleton<ImportReports>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Error pages that say what went wrong without leaking details; the developer page in Development.</summary>
    public static WebApplication UseNewsErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        // The JSON API answers with problem details, not an HTML page.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/error", "?code={0}"));
        return app;
    }
}
