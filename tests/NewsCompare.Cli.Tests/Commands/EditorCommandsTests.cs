using System.CommandLine;
using NewsCompare.Cli.Commands;
using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;

namespace NewsCompare.Cli.Tests.Commands;

public sealed class EditorCommandsTests : IDisposable
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
        root.Subcommands.Add(EditorCommands.SetPassword());
        root.Subcommands.Add(EditorCommands.Remove());
        root.Subcommands.Add(EditorCommands.SetDisplayName());
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

    private async Task<T> Store<T>(Func<NewsDb, Task<T>> query)
    {
        await using var db = await NewsStore.OpenAsync(_path);
        return await query(db);
    }

    [Fact]
    public async Task SetPasswordReplacesThePasswordAndChangesTheSecurityStamp()
    {
        (await Run("add-editor", "grace", "--password", "compiler pioneer")).Should().Be(0);
        var before = await Store(db => EditorAccounts.StampAsync(db, "grace"));

        (await Run("set-password", "grace", "--password", "a newer long one")).Should().Be(0);

        (await Store(db => EditorAccounts.SignInAsync(db, "grace", "compiler pioneer"))).Should().BeNull();
        (await Store(db => EditorAccounts.SignInAsync(db, "grace", "a newer long one"))).Should().NotBeNull();
        (await Store(db => EditorAccounts.StampAsync(db, "grace"))).Should().NotBe(before).And.NotBeNullOrEmpty();
        (await Run("set-password", "grace", "--password", "short")).Should().Be(1);
        (await Run("set-password", "nobody", "--password", "long enough pass")).Should().Be(1);
    }

    [Fact]
    public async Task RemoveEditorDeletesTheEditorSoTheirSignInNoLongerValidates()
    {
        (await Run("add-editor", "linus", "--password", "kernel hacker one")).Should().Be(0);

        (await Run("remove-editor", "LINUS")).Should().Be(0);

        (await Store(db => EditorAccounts.StampAsync(db, "linus"))).Should().BeNull();
        (await Run("remove-editor", "linus")).Should().Be(1);
    }

    [Fact]
    public async Task DisplayNamesAreSetWithTheEditorOrLaterAndCanBeCleared()
    {
        (await Run("add-editor", "ada", "--password", "analytical engine", "--display-name", "Ada L.")).Should().Be(0);
        (await Store(db => EditorAccounts.DisplayNamesAsync(db, ["ada"]))).Should().Contain("ada", "Ada L.");

        (await Run("set-display-name", "ada")).Should().Be(0);
        (await Store(db => EditorAccounts.DisplayNamesAsync(db, ["ada"]))).Should().BeEmpty();
        (await Run("set-display-name", "ada", "bad\u0007name")).Should().Be(1);
    }
}
