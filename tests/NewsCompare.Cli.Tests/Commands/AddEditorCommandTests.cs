using System.CommandLine;
using NewsCompare.Cli.Commands;
using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;

namespace NewsCompare.Cli.Tests.Commands;

public sealed class AddEditorCommandTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"nc-cli-editor-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(f);
    }

    private Task<int> Run(params string[] args)
    {
        var root = new RootCommand { CliOptions.Db };
        root.Subcommands.Add(AddEditorCommand.Create());
        return root.Parse(["--db", _path, .. args]).InvokeAsync();
    }

    [Fact]
    public async Task CreatesAnEditorWhoCanSignInWithThatPassword()
    {
        (await Run("add-editor", "grace", "--password", "compiler pioneer")).Should().Be(0);
        await using var db = await NewsStore.OpenAsync(_path);
        (await EditorAccounts.SignInAsync(db, "grace", "compiler pioneer")).Should().NotBeNull();
        (await EditorAccounts.SignInAsync(db, "grace", "wrong password")).Should().BeNull();
    }

    [Fact]
    public async Task RefusesATakenNameAShortPasswordAndABadName()
    {
        (await Run("add-editor", "grace", "--password", "compiler pioneer")).Should().Be(0);
        (await Run("add-editor", "GRACE", "--password", "another long one")).Should().Be(1);
        (await Run("add-editor", "linus", "--password", "short")).Should().Be(2);
        (await Run("add-editor", "no spaces please", "--password", "long enough pass")).Should().Be(2);
    }
}
