using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Tests.Data;

public sealed class SchemaMigratorTests : TempStoreFile
{
    [Fact]
    public async Task MigratedSchemaHasEveryTableAndColumnTheModelMaps()
    {
        await using var db = await NewsStore.OpenAsync(StorePath);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();

        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"PRAGMA table_info(\"{table}\")";
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) columns.Add(reader.GetString(1));
            }

            columns.Should().NotBeEmpty($"table {table} should exist");
            var storeObject = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table);
            foreach (var property in entity.GetProperties())
                columns.Should().Contain(property.GetColumnName(storeObject)!, $"{entity.ClrType.Name}.{property.Name} is mapped");
        }
    }

    [Fact]
    public async Task MigratingTwiceAppliesNothingTheSecondTime()
    {
        await using (var db = await NewsStore.OpenAsync(StorePath)) { }
        await using var again = new NewsDb(NewsStore.Options(StorePath));
        var applied = await SchemaMigrator.MigrateAsync(again);
        applied.Should().BeEmpty();
        SchemaMigrator.Scripts("Sqlite").Select(s => s.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task TwoProcessesOpeningANewStoreAtOnceBothSucceed()
    {
        var opens = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = new NewsDb(NewsStore.Options(StorePath));
            return await SchemaMigrator.MigrateAsync(db);
        })).ToList();

        var applied = await Task.WhenAll(opens);

        applied.SelectMany(a => a).Should().OnlyHaveUniqueItems()
            .And.BeEquivalentTo(SchemaMigrator.Scripts("Sqlite").Select(s => s.Version));
    }

    [Fact]
    public async Task AnUpToDateStoreOpensWhileAnotherConnectionHoldsTheWriteLock()
    {
        await using (var db = await NewsStore.OpenAsync(StorePath)) { }
        // A full regroup holds the write lock for its whole run; other processes must still open the store to read it.
        await using var writer = new NewsDb(NewsStore.Options(StorePath));
        await using var tx = await writer.Database.BeginTransactionAsync();
        await writer.Database.ExecuteSqlRawAsync("DELETE FROM \"SchemaVersions\" WHERE 0");

        await using var reader = new NewsDb(NewsStore.Options(StorePath));
        var open = SchemaMigrator.MigrateAsync(reader);

        (await open).Should().BeEmpty();
        (await reader.Articles.CountAsync()).Should().Be(0);
    }
}
