using System.Diagnostics;
using NewsCompare.Web.Tests.Browser;

namespace NewsCompare.Web.Tests.Startup;

public sealed class StoreStartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nc-startup-{Guid.NewGuid():N}")).FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task TheAppStopsWithTheStoreAndTheReasonWhenTheStoreIsNotADatabase()
    {
        var notAStore = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(notAStore, "Notes on the February visit, not a database.\n");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = LiveApp.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(LiveApp.Build("NewsCompare.Web", "NewsCompare.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.Environment["NewsCompare__Database"] = notAStore;
        info.Environment["NewsCompare__SeedOnFirstStart"] = "false";

        using var web = Process.Start(info)!;
        var output = web.StandardOutput.ReadToEndAsync();
        var errors = web.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try { await web.WaitForExitAsync(timeout.Token); }
        finally { if (!web.HasExited) web.Kill(entireProcessTree: true); }

        var said = await output + await errors;
        web.ExitCode.Should().Be(2, said);
        said.Should().Contain($"The store cannot be opened: {notAStore}: not a SQLite database").And.NotContain("   at ");
        (await File.ReadAllTextAsync(notAStore)).Should().Be("Notes on the February visit, not a database.\n");
    }
}
