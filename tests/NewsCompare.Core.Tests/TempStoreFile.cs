using Microsoft.Data.Sqlite;

namespace NewsCompare.Core.Tests;

/// <summary>A SQLite store file in the temp folder for one test class, deleted with its WAL files afterwards.</summary>
public abstract class TempStoreFile : IDisposable
{
    protected string StorePath { get; } = Path.Combine(Path.GetTempPath(), $"nc-test-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { StorePath, StorePath + "-wal", StorePath + "-shm" }) File.Delete(file);
        GC.SuppressFinalize(this);
    }
}
