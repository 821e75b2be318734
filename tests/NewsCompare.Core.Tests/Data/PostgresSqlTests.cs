using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;
using NewsCompare.Core.Tests.Stories;

namespace NewsCompare.Core.Tests.Data;

public sealed class PostgresSqlTests
{
    [Fact]
    public void SplitsATextIntoItsStatementsButNotAtSemicolonsInLiterals()
    {
        var statements = PostgresSql.Statements("""
            UPDATE "Stories" SET "Title" = 'Talks; day two' WHERE "Id" = @s;
            DELETE FROM "StoryLinks" WHERE "StoryId" = @s;

            """);

        statements.Should().Equal("UPDATE \"Stories\" SET \"Title\" = 'Talks; day two' WHERE \"Id\" = @s", "DELETE FROM \"StoryLinks\" WHERE \"StoryId\" = @s");
    }

    [Fact]
    public void NamesEachParameterAStatementUsesOnce()
    {
        PostgresSql.Parameters("SELECT @a, @ab FROM \"T\" WHERE \"X\" = @a AND \"Y\" IS DISTINCT FROM @ab_2").Distinct()
            .Should().BeEquivalentTo("@a", "@ab", "@ab_2");
    }

    [Fact]
    public void TestsAColumnAgainstAnIdListAsAnArrayEitherWay()
    {
        var sql = PostgresSql.Translate("SELECT Id FROM Articles WHERE StoryId IN (SELECT value FROM json_each($s)) AND Id NOT IN (SELECT value FROM json_each($c))");

        sql.Should().Contain("\"StoryId\" = ANY (ARRAY(SELECT CAST(value AS bigint) FROM jsonb_array_elements_text(CAST(@s AS jsonb))))")
            .And.Contain("\"Id\" <> ALL (ARRAY(SELECT CAST(value AS bigint) FROM jsonb_array_elements_text(CAST(@c AS jsonb))))");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task QueuedWritesAreReadBackInOrderAndGoWithARolledBackTransaction(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var connection = store.Db.Database.GetDbConnection();
        await connection.OpenAsync();
        System.Data.Common.DbTransaction? tx = null;
        var sql = new StoreCommands(() => connection, () => tx, StoreDialect.For(store.Db));
        const string insert = "INSERT INTO StoryGroupingInfo (Name, Value) VALUES ($n, $v) ON CONFLICT (Name) DO UPDATE SET Value = excluded.Value";
        long Read(string name)
        {
            using var cmd = sql.Command("SELECT COALESCE((SELECT Value FROM StoryGroupingInfo WHERE Name = $n), -1)", ("$n", name));
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        tx = connection.BeginTransaction();
        sql.Exec(insert, ("$n", "kept"), ("$v", 1L));
        sql.Exec(insert + "; UPDATE StoryGroupingInfo SET Value = Value * 10 WHERE Name = $n", ("$n", "kept"), ("$v", 2L));
        Read("kept").Should().Be(20, "the second write runs after the first, and both before the read");
        sql.Send();
        tx.Commit();
        tx = connection.BeginTransaction();
        sql.Exec(insert, ("$n", "dropped"), ("$v", 3L));
        sql.Discard();
        tx.Rollback();
        tx = null;

        (Read("kept"), Read("dropped")).Should().Be((20L, -1L));
        await sql.DisposeAsync();
    }
}
