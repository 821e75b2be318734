using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using Npgsql;

namespace NewsCompare.Core.Tests.Data;

public sealed class StoreUnavailableTests : TempStoreFile
{
    [Fact]
    public async Task AFileThatIsNotADatabaseIsNamedAndLeftAsItWas()
    {
        var text = "Russia, China must stick together against West\n\nNikolay Patrushev told China's top diplomat...\n";
        await File.WriteAllTextAsync(StorePath, text);

        var open = () => NewsStore.OpenAsync(StorePath);

        var refused = (await open.Should().ThrowAsync<StoreUnavailableException>()).Which;
        refused.Message.Should().StartWith(Path.GetFullPath(StorePath) + ": ").And.Contain("not a SQLite database");
        (await File.ReadAllTextAsync(StorePath)).Should().Be(text);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AnotherProgramsDatabaseIsRefusedAndItsTablesAreLeftAlone(StoreProvider provider)
    {
        await using var store = await ProviderStore.CreateAsync(provider);
        await using (var foreign = store.NewContext())
            await foreign.Database.ExecuteSqlRawAsync("CREATE TABLE \"Customers\" (\"Id\" INTEGER PRIMARY KEY, \"Name\" TEXT)");

        var open = store.OpenAsync;

        var refused = (await open.Should().ThrowAsync<StoreUnavailableException>()).Which;
        refused.Message.Should().StartWith(store.Target.Display + ": ").And.Contain("1 table of another program").And.Contain("not a NewsCompare store");
        await using var after = store.NewContext();
        var tables = provider == StoreProvider.Sqlite
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()";
        (await after.Database.SqlQueryRaw<string>(tables).ToListAsync()).Should().Equal("Customers");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AnEmptyDatabaseStillBecomesAStore(StoreProvider provider)
    {
        await using var store = await ProviderStore.CreateAsync(provider);

        await using var db = await store.OpenAsync();

        (await db.Articles.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task AServerThatDoesNotAnswerIsNamedWithoutItsPassword()
    {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        var target = StoreTarget.Postgres("postgres://reader:s3cret-word@127.0.0.1:1/collection");

        var open = () => NewsStore.OpenAsync(target);

        var refused = (await open.Should().ThrowAsync<StoreUnavailableException>()).Which;
        refused.Message.Should().StartWith(target.Display + ": no PostgreSQL server answers at 127.0.0.1:1").And.NotContain("s3cret-word");
    }

    [SkippableFact]
    public async Task ADatabaseThatDoesNotExistIsNamedWithHowToCreateIt()
    {
        var server = await ServerAsync();
        var missing = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = $"nc_missing_{Guid.NewGuid():N}" };
        var target = new StoreTarget(StoreProvider.Postgres, missing.ConnectionString, "the missing store");

        var open = () => NewsStore.OpenAsync(target);

        var refused = (await open.Should().ThrowAsync<StoreUnavailableException>()).Which;
        refused.Message.Should().StartWith("the missing store: ").And.Contain(missing.Database).And.Contain("does not exist").And.Contain("createdb");
    }

    [SkippableFact]
    public async Task AWrongPasswordIsToldAsARefusedSignIn()
    {
        var server = await ServerAsync();
        var wrong = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "not-" + Guid.NewGuid().ToString("N") };
        var target = new StoreTarget(StoreProvider.Postgres, wrong.ConnectionString, "the team store");

        var open = () => NewsStore.OpenAsync(target);

        var refused = (await open.Should().ThrowAsync<StoreUnavailableException>()).Which;
        refused.Message.Should().StartWith("the team store: the server refused the sign-in").And.Contain("user name and password");
    }

    // The test server itself (a database that exists), or a skip as ProviderStore gives one.
    private static async Task<StoreTarget> ServerAsync()
    {
        await using var store = await ProviderStore.CreateAsync(StoreProvider.Postgres);
        return store.Target;
    }
}
