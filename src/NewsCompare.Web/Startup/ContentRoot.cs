namespace NewsCompare.Web.Startup;

/// <summary>
/// The content root (appsettings, wwwroot, App_Data) must not depend on the folder the app is started from:
/// `dotnet run --project src/NewsCompare.Web` and `dotnet src/NewsCompare.Web/bin/.../NewsCompare.Web.dll` from the
/// repository root must find the same settings and the same store.
/// </summary>
public static class ContentRoot
{
    /// <summary>
    /// The project folder when running a build inside the repository, else the folder of the app's files (a publish);
    /// null when the content root was given explicitly (--contentRoot, ASPNETCORE_CONTENTROOT), which then wins.
    /// </summary>
    public static string? Find(string[] args)
    {
        if (args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")))
            return null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsCompare.Web.csproj"))) return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}

public static class HostingSetup
{
    /// <summary>
    /// appsettings.json's "Urls" (http://localhost:5000) is the default; ASPNETCORE_URLS, the usual way to move a
    /// container's port, still wins over it, as do --urls and a "Urls" environment variable.
    /// </summary>
    public static WebApplicationBuilder HonourAspNetCoreUrls(this WebApplicationBuilder builder)
    {
        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        if (!string.IsNullOrWhiteSpace(urls) && builder.Configuration["Urls"] == "http://localhost:5000") builder.WebHost.UseUrls(urls);
        return builder;
    }
}
