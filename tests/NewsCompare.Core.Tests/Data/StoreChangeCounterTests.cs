using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;

namespace NewsCompare.Core.Tests.Data;

public sealed class StoreChangeCounterTests
{
    [SkippableTheory]
    [EveryStore]
    public async Task TheCounterMovesWhenAnotherConnectionCommitsAndOnlyThen(StoreProvider provider)
    {
        await using var store = await ProviderStore.CreateAsync(provider);
        await using (await store.OpenAsync()) { }
        using var counter = StoreChangeCounter.For(store.Target);
        // SQLite's data_version may also move when another connection only opens the file (its settings, a checkpoint):
        // that drops cached pages once too often, never too rarely. PostgreSQL's generation moves only with a commit.
        var strict = provider == StoreProvider.Postgres;
        var before = counter.Read();

        await using (var reader = store.NewContext()) await reader.Set<Editor>().CountAsync();
        if (strict) counter.Read().Should().Be(before, "reading changes nothing");
        before = counter.Read();

        await using (var other = store.NewContext())
        {
            await using var tx = await other.Database.BeginTransactionAsync();
            await EditorAccounts.AddAsync(other, "rolled.back", "correct horse battery");
            await tx.RollbackAsync();
        }
        if (strict) counter.Read().Should().Be(before, "a change rolled back never happened");
        before = counter.Read();

        await using (var other = store.NewContext()) await EditorAccounts.AddAsync(other, "anna", "correct horse battery");
        var after = counter.Read();
        after.Should().NotBe(before);
        counter.Read().Should().Be(after);
    }
}
