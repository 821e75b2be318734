using System.Diagnostics;
using System.Text.Json;

namespace NewsCompare.Cli.Tests;

/// <summary>Runs the built command line as a child process, the way users run it.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsCompare.sln"))) return dir.FullName;
        throw new InvalidOperationException("NewsCompare.sln not found above " + AppContext.BaseDirectory);
    }

    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the command line with <paramref name="environment"/> added to its environment.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newscompare.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment.Remove("NewsCompare__Database");
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return Process.Start(info)!;
    }

    public static Task<Run> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    public static async Task<Run> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await stdout, await stderr);
    }

    public static async Task<List<JsonElement>> JsonArrayAsync(params string[] args)
    {
        var run = await RunAsync(args);
        run.ExitCode.Should().Be(0, run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
