using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Browser;

/// <summary>
/// The built web app and command line run as a person runs them, from the repository root, with no store configured:
/// both must use the one default store (in the user's data folder, here a temporary XDG_DATA_HOME).
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nc-live-{Guid.NewGuid():N}")).FullName;
    private Process? _web;
    private IPlaywright? _playwright;

    public string DataHome => Path.Combine(_folder, "data");
    public string StorePath => Path.Combine(DataHome, "NewsCompare", "newscompare.db");
    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort()}";
    public IBrowser Browser { get; private set; } = null!;

    public static string RepoRoot { get; } = Up(d => File.Exists(Path.Combine(d, "NewsCompare.sln")));

    // The test's own build configuration (bin/<config>/<tfm>/), which built the app and the command line beside it.
    public static string Build(string project, string dll)
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepoRoot, "src", project, "bin", tfm.Parent!.Name, tfm.Name, dll);
    }

    private ProcessStartInfo Dotnet(string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var key in new[] { "NewsCompare__Database", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_CONTENTROOT" })
            info.Environment.Remove(key);
        info.Environment["XDG_DATA_HOME"] = DataHome;
        info.Environment["NewsCompare__SeedOnFirstStart"] = "false";
        return info;
    }

    /// <summary>Runs the command line from the repository root; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> CliAsync(params string[] args)
    {
        using var process = Process.Start(Dotnet(Build("NewsCompare.Cli", "newscompare.dll"), args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        return (process.ExitCode, await output + await errors);
    }

    public async Task InitializeAsync()
    {
        _web = Process.Start(Dotnet(Build("NewsCompare.Web", "NewsCompare.Web.dll"), "--urls", BaseUrl))!;
        _web.OutputDataReceived += (_, _) => { };
        _web.ErrorDataReceived += (_, _) => { };
        _web.BeginOutputReadLine();
        _web.BeginErrorReadLine();
        using var http = new HttpClient();
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/account/signin")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until && !_web.HasExited)
            {
            }
            if (_web.HasExited || DateTime.UtcNow > until) throw new InvalidOperationException($"the web app did not start (exit {(_web.HasExited ? _web.ExitCode : -1)})");
            await Task.Delay(250);
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
    }

    public async Task<IPage> PageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_web is { HasExited: false })
        {
            _web.Kill(entireProcessTree: true);
            await _web.WaitForExitAsync();
        }
        _web?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static string Up(Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (found(dir.FullName)) return dir.FullName;
        throw new InvalidOperationException("NewsCompare.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[Trait("Category", "Browser")]
public sealed class LiveAppTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const string Password = "correct horse battery";

    private static async Task<IReadOnlyList<string>> SeriousProblems(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
    }

    [Fact]
    public async Task AnEditorCreatedOnTheCommandLineSignsInUploadsAZipWithItsManifestAndCorrectsADate()
    {
        var created = await app.CliAsync("add-editor", "alice", "--password", Password);
        created.ExitCode.Should().Be(0, created.Output);
        created.Output.Should().Contain(app.StorePath);
        (await app.CliAsync("info")).Output.Should().Contain($"store: {app.StorePath}");
        var problems = new List<string>();

        var page = await app.PageAsync();
        await page.GotoAsync("/import");
        await Assertions.Expect(page.Locator(".store-path code").First).ToHaveTextAsync(app.StorePath);
        problems.AddRange(await SeriousProblems(page));
        await page.GetByLabel("Editor name").FillAsync("alice");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/import$"));
        (await page.Locator(".form-errors, li:empty").CountAsync()).Should().Be(0, "the form shows no empty error list");
        problems.AddRange(await SeriousProblems(page));
        await BrowserSite.ScreenshotAsync(page, "import-desktop");

        var zip = Captures.Zip(
            ("sources.json", """
                [{"file": "ferry.txt", "url": "https://example.org/2024/05/02/ferry", "outlet": "Island Courier", "published": "2024-05-02"},
                 {"file": "tunnel.txt", "url": "https://example.org/tunnel?id=7&utm_source=rss", "outlet": "Rail Weekly"}]
                """),
            ("ferry.txt", Captures.Article("Ferry service resumes after storm", "the island ferry")),
            ("tunnel.txt", Captures.Article("Tunnel works delayed by flooding", "the rail tunnel")));
        await page.GetByLabel("Files or a .zip").SetInputFilesAsync(new FilePayload { Name = "bundle.zip", MimeType = "application/zip", Buffer = zip });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Import report");
        await Assertions.Expect(page.Locator(".summary")).ToContainTextAsync("2 imported");
        await Assertions.Expect(page.Locator(".summary")).ToContainTextAsync("0 failed");
        (await page.Locator("table.report tbody tr td:last-child a[href^='/stories/']").CountAsync()).Should().Be(2, "each file links the story it joined");
        problems.AddRange(await SeriousProblems(page));
        await BrowserSite.ScreenshotAsync(page, "import-report-desktop");

        await page.Locator("tr", new() { HasText = "bundle/ferry.txt" }).GetByRole(AriaRole.Link, new() { Name = "Open the article" }).ClickAsync();
        await Assertions.Expect(page.Locator(".provenance").First).ToContainTextAsync("Island Courier");
        await page.GetByLabel("Date", new() { Exact = true }).Last.FillAsync("2023-09-19");
        await page.GetByLabel("Why (recorded)").FillAsync("the print edition's date");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        await Assertions.Expect(page.Locator(".changes")).ToContainTextAsync("2024-05-02 → 2023-09-19");
        await Assertions.Expect(page.Locator(".kicker time")).ToHaveTextAsync("19 Sep 2023");
        await Assertions.Expect(page.Locator(".provenance").First).ToContainTextAsync("corrected by alice");
        problems.AddRange(await SeriousProblems(page));
        await BrowserSite.ScreenshotAsync(page, "article-corrected-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserSite.ScreenshotAsync(page, "article-corrected-phone");
        await page.GotoAsync("/import");
        await BrowserSite.ScreenshotAsync(page, "import-phone");
        await page.Context.CloseAsync();

        problems.Should().BeEmpty();
    }
}
