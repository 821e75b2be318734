using NewsCompare.Core.Data;
using Npgsql;

namespace NewsCompare.Core.Tests.Data;

public sealed class StoreTargetTests
{
    [Fact]
    public void APostgresUriBecomesAnNpgsqlConnectionWithItsPartsDecoded()
    {
        var target = StoreTarget.Resolve("postgres://news%20room:p%40ss%3Aword@db.example.org:6543/news_compare?sslmode=require", "/work");

        target.Provider.Should().Be(StoreProvider.Postgres);
        var built = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        (built.Host, built.Port, built.Database, built.Username, built.Password).Should().Be(("db.example.org", 6543, "news_compare", "news room", "p@ss:word"));
        built.SslMode.Should().Be(SslMode.Require);
        built.Pooling.Should().BeTrue();
        target.Display.Should().Be("postgres://news room@db.example.org:6543/news_compare").And.NotContain("word");
    }

    [Fact]
    public void APostgresqlUriWithoutAPortUsesTheStandardPort()
    {
        var built = new NpgsqlConnectionStringBuilder(StoreTarget.Resolve("postgresql://nc@localhost/store", "/").ConnectionString);
        (built.Port, built.Database, built.Password).Should().Be((5432, "store", null));
    }

    [Theory]
    [InlineData("postgres://nc:secret@localhost:5432/", "names no database")]
    [InlineData("postgres://nc:secret@localhost:5432/a/b", "names no database")]
    [InlineData("postgres://nc:secret@localhost:5432/news?nosuchsetting=1", "not an Npgsql connection setting")]
    [InlineData("postgres://nc:secret@localhost:99999/news", "is not a PostgreSQL URI")]
    [InlineData("mysql://nc:secret@localhost/news", "neither a file path nor a postgres:// URI")]
    public void AUriThatNamesNoUsableDatabaseFailsSayingWhyWithoutThePassword(string uri, string why)
    {
        var resolve = () => StoreTarget.Resolve(uri, "/");
        resolve.Should().Throw<StoreTargetException>().Which.Message.Should().Contain(why).And.NotContain("secret").And.Contain("***");
    }

    [Fact]
    public void APathStaysASqliteStoreTakenFromTheBaseFolder()
    {
        var target = StoreTarget.Resolve("data/news.db", Path.GetTempPath());
        target.Provider.Should().Be(StoreProvider.Sqlite);
        target.Display.Should().Be(Path.Combine(Path.GetTempPath(), "data", "news.db"));
        StoreTarget.Resolve(null, "/").Display.Should().Be(NewsStore.DefaultPath);
    }

    [Fact]
    public void ConfigurationChoosesTheEngineByProviderName()
    {
        StoreTarget.Configure(null, null, "a.db", "/srv").Provider.Should().Be(StoreProvider.Sqlite);
        StoreTarget.Configure("SQLite", null, "a.db", "/srv").Display.Should().Be("/srv/a.db");
        StoreTarget.Configure("postgres", "Host=db;Database=news;Username=nc", null, "/").Display.Should().Be("postgres://nc@db:5432/news");
        StoreTarget.Configure("postgres", "postgres://nc@db/news", null, "/").Provider.Should().Be(StoreProvider.Postgres);
        StoreTarget.Configure(null, null, "postgres://nc@db/news", "/").Provider.Should().Be(StoreProvider.Postgres);
    }

    [Theory]
    [InlineData("postgres", null, "ConnectionString is empty")]
    [InlineData("postgres", "Host=db", "must name a Host and a Database")]
    [InlineData("postgres", "Nonsense=1", "not an Npgsql connection string")]
    [InlineData("oracle", null, "use sqlite or postgres")]
    public void ConfigurationThatCannotOpenAStoreFailsSayingWhatToGive(string provider, string? connection, string why)
    {
        var configure = () => StoreTarget.Configure(provider, connection, null, "/");
        configure.Should().Throw<StoreTargetException>().WithMessage($"*{why}*");
    }

    [SkippableFact]
    public async Task EverythingButTheSqliteBenchmarksRunsOnPostgresAndThoseFailNamingTheirFeature()
    {
        await using var store = await ProviderStore.CreateAsync(StoreProvider.Postgres);
        await using var db = await store.OpenAsync();

        var import = () => new NewsCompare.Core.Import.Importer(db);
        import.Should().NotThrow("importing with its grouping step runs on PostgreSQL");
        var group = () => new NewsCompare.Core.Stories.StoryStore(db);
        group.Should().NotThrow("grouping runs on PostgreSQL");
        var dialect = StoreDialect.For(db);
        var benchmark = () => dialect.Require(StoreFeature.Benchmarks);
        benchmark.Should().Throw<StoreFeatureNotSupportedException>().WithMessage("This benchmark*does not run on a PostgreSQL store yet*")
            .Which.Feature.Should().Be(StoreFeature.Benchmarks);
    }
}
