using Microsoft.Data.Sqlite;

namespace NewsCompare.Cli.Tests;

/// <summary>A throw-away folder with a store path in it, removed after each test (pooled connections released first).</summary>
public abstract class CliTempFolder : IDisposable
{
    protected string Folder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nc-cli-{Guid.NewGuid():N}")).FullName;
    protected string Db => Path.Combine(Folder, "store.db");
    protected static string Seeds => Path.Combine(CliRunner.RepoRoot, "seeds");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
