using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Tests.Data;

public sealed class SchemaMigratorTests : TempStoreFile
{
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
