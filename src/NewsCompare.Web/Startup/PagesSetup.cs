using Microsoft.AspNetCore.Mvc;
using NewsCompare.Web.Importing;

namespace NewsCompare.Web.Startup;

public static class PagesSetup
{
    /// <summary>Razor Pages with lower-case URLs; editor-only pages and the upload's size limits set by convention.</summary>
    public static IServiceCollection AddNewsPages(this IServiceCollection services, IConfiguration configuration)
    {
        var upload = configuration.GetSection($"{NewsCompareOptions.Section}:Upload").Get<UploadOptions>() ?? new();
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizePage("/Import", EditorAuth.Policy);
            options.Conventions.AuthorizePage("/Stories/Edit", EditorAuth.Policy);
            options.Conventions.AddPageApplicationModelConvention("/Import", model =>
            {
                model.Filters.Add(new RequestSizeLimitAttribute(upload.MaxRequestBytes));
                model.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = upload.MaxRequestBytes, ValueCountLimit = 64 });
            });
        });
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
