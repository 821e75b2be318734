using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsCompare.Core.Data;
using NewsCompare.Core.Tests;
using NewsCompare.Web.Editing;
using NewsCompare.Web.Importing;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Tests.Infrastructure;

/// <summary>
/// The web app on a real store of its own (one per test class): a SQLite file, or a PostgreSQL database when a subclass
/// says so (<see cref="Provider"/>; without a test server its tests skip, see <see cref="ProviderStore"/>), with an
/// editor configured and recording doubles behind the integration interfaces. Subclasses add the data their tests read.
/// </summary>
public class TestSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string EditorName = "editor";
    public const string EditorPassword = "correct horse battery";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nc-web-" + Guid.NewGuid().ToString("N"));

    private ProviderStore? _postgres;

    /// <summary>The engine the store runs on.</summary>
    protected virtual StoreProvider Provider => StoreProvider.Sqlite;

    /// <summary>The SQLite file (on SQLite).</summary>
    public string DatabasePath => Path.Combine(_folder, "store.db");

    /// <summary>The store, on either engine.</summary>
    public StoreTarget Target => _postgres?.Target ?? StoreTarget.Sqlite(DatabasePath);

    /// <summary>Why this site's tests skip: no PostgreSQL server to test on (null when the store is there).</summary>
    public string? SkipReason { get; private set; }

    public StoreBuilder Store => new(Target);

    /// <summary>A context on the store, its schema as the app migrated it.</summary>
    public NewsDb Open() => new(NewsStore.Options(Target));
    public RecordingImporter Importer { get; } = new();
    public RecordingStoryEditor StoryEditor { get; } = new();
    public CannedInsights Insights { get; } = new();

    /// <summary>Whether corrections go to the app's own story editor (on the real store) instead of the recorder.</summary>
    protected virtual bool RealStoryEditor => false;

    /// <summary>Whether story pages read the grouping's explanations from the store, as the app does (else <see cref="Insights"/>).</summary>
    protected virtual bool RealInsights => false;

    /// <summary>Sign-in posts allowed per minute: generous, so tests that sign in often are not throttled.</summary>
    protected virtual int SignInPerMinute => 1000;

    /// <summary>Upload and regrouping posts allowed per editor per minute.</summary>
    protected virtual int UploadPerMinute => 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (_postgres is null) builder.UseSetting("NewsCompare:Database", DatabasePath);
        else
        {
            builder.UseSetting("NewsCompare:Store:Provider", "postgres");
            builder.UseSetting("NewsCompare:Store:ConnectionString", _postgres.Target.ConnectionString);
        }
        builder.UseSetting("NewsCompare:SeedOnFirstStart", "false");
        builder.UseSetting("NewsCompare:Editor:Name", EditorName);
        builder.UseSetting("NewsCompare:Editor:Password", EditorPassword);
        builder.UseSetting("NewsCompare:RateLimits:SignInPerMinute", SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("NewsCompare:RateLimits:UploadPerMinute", UploadPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ICaptureImporter>(Importer);
            if (!RealStoryEditor) services.AddSingleton<IStoryEditor>(StoryEditor);
            if (!RealInsights) services.AddSingleton<IStoryInsights>(Insights);
        });
    }

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (Provider == StoreProvider.Postgres)
        {
            try
            {
                _postgres = await ProviderStore.CreateAsync(StoreProvider.Postgres);
            }
            catch (SkipException e)
            {
                SkipReason = e.Message;
                return;
            }
        }
        StartServer(); // the app creates the store's schema as it starts
        // The app groups articles left out of every story in the background after start; were it still running, it
        // could place the articles seeded next in stories of its own before the seeding puts them in theirs.
        foreach (var startup in Services.GetServices<IHostedService>().OfType<GroupPendingOnStart>())
            if (startup.ExecuteTask is { } running) await running;
        await SeedAsync();
    }

    /// <summary>The data the test class reads, written after the app has created the schema.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgres is not null) await _postgres.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>
    /// <paramref name="site"/>, for a test class to keep; skips the test being built (a SkippableFact or SkippableTheory)
    /// when the site has no store to run on.
    /// </summary>
    public static TSite Ready<TSite>(TSite site) where TSite : TestSite
    {
        ArgumentNullException.ThrowIfNull(site);
        Skip.If(site.SkipReason is not null, site.SkipReason);
        return site;
    }

    public HttpClient Reader() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<IHtmlDocument> PageAsync(string url, HttpClient? client = null)
    {
        using var response = await (client ?? Reader()).GetAsync(url);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, $"GET {url} should succeed");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>A client signed in as the configured editor, or another (cookies kept, redirects not followed).</summary>
    public async Task<HttpClient> EditorAsync(string name = EditorName, string password = EditorPassword) =>
        await SignInAsync(Reader(), name, password);

    /// <summary>Signs <paramref name="client"/> in (its cookie handling keeps the sign-in).</summary>
    public async Task<HttpClient> SignInAsync(HttpClient client, string name = EditorName, string password = EditorPassword)
    {
        var form = await PageAsync("/account/signin", client);
        using var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = name,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = Token(form),
        }));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, $"editor {name} signs in");
        return client;
    }

    public static string Token(IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no antiforgery token");
}
