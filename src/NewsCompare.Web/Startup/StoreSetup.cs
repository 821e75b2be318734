using Microsoft.Extensions.Options;
using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;

namespace NewsCompare.Web.Startup;

/// <summary>Where the store lives, resolved once from configuration and the content root.</summary>
public sealed class StoreLocation(IOptions<NewsCompareOptions> options, IHostEnvironment environment)
{
    /// <summary>The configured store (NewsCompare:Store:*, else NewsCompare:Database, else the shared default).</summary>
    public StoreTarget Target { get; } = StoreTarget.Configure(options.Value.Store.Provider, options.Value.Store.ConnectionString,
        options.Value.Database, environment.ContentRootPath);

    /// <summary>What to show people: the SQLite file's full path, or the PostgreSQL server and database.</summary>
    public string DatabasePath => Target.Display;

    public string ConnectionString => Target.ConnectionString;
}

public static class StoreSetup
{
    public static IServiceCollection AddNewsStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NewsCompareOptions>().Bind(configuration.GetSection(NewsCompareOptions.Section));
        services.AddSingleton<StoreLocation>();
        services.AddDbContextPool<NewsDb>((sp, options) => options.UseNewsStore(sp.GetRequiredService<StoreLocation>().Target));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddMemoryCache();
        services.AddScoped<Reading.StoreFacets>();
        services.AddSingleton<Reading.ListCounts>();
        services.AddSingleton<Reading.ReadVersions>();
        services.AddHostedService<Importing.SeedOnFirstStart>();
        services.AddHostedService<Importing.GroupPendingOnStart>();
        return services;
    }

    /// <summary>
    /// Brings the schema up to date and creates the configured editor when there is none. Runs before serving; false
    /// (with the reason logged) when the store cannot be opened, so the app stops instead of serving errors.
    /// </summary>
    public static async Task<bool> PrepareStoreAsync(this WebApplication app)
    {
        var location = app.Services.GetRequiredService<StoreLocation>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsCompare.Store");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDb>();
        IReadOnlyList<int> applied;
        try
        {
            applied = await SchemaMigrator.MigrateAsync(db);
        }
        catch (Exception e) when (StoreUnavailableException.Explain(location.Target, e) is { } explained)
        {
            log.LogCritical("The store cannot be opened: {Reason}", explained.Message);
            return false;
        }
        log.LogInformation("Store {Path} ready; schema scripts applied now: {Applied}", location.DatabasePath, applied);

        var seed = app.Services.GetRequiredService<IOptions<NewsCompareOptions>>().Value.Editor;
        if (string.IsNullOrWhiteSpace(seed.Name) || string.IsNullOrEmpty(seed.Password) || await EditorAccounts.AnyAsync(db)) return true;
        try
        {
            await EditorAccounts.AddAsync(db, seed.Name, seed.Password);
            log.LogInformation("Created editor {Editor} from configuration", seed.Name);
        }
        catch (ArgumentException e)
        {
            log.LogError("Editor from configuration (NewsCompare:Editor) not created: {Reason}", e.Message);
        }
        return true;
    }
}
