using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;

namespace NewsCompare.Core.Tests.Editors;

/// <summary>Editor accounts, on each store engine (PostgreSQL compares names without case through its ICU collation).</summary>
public sealed class EditorAccountsTests
{
    [Fact]
    public void PasswordHashIsSaltedAndVerifiesOnlyTheSamePassword()
    {
        var first = EditorPasswords.Hash("a long passphrase");
        var second = EditorPasswords.Hash("a long passphrase");
        first.Should().NotBe(second).And.StartWith("pbkdf2-sha256$600000$").And.NotContain("a long passphrase");
        EditorPasswords.Verify("a long passphrase", first).Should().BeTrue();
        EditorPasswords.Verify("a long passphrasf", first).Should().BeFalse();
        EditorPasswords.Verify("a long passphrase", "pbkdf2-sha256$1$not-base64$x").Should().BeFalse();
        EditorPasswords.Verify("a long passphrase", "").Should().BeFalse();
    }

    [SkippableTheory]
    [EveryStore]
    public async Task CreatedEditorSignsInByNameInAnyCaseAndOnlyWithTheirPassword(StoreProvider provider)
    {
        await using var store = await ProviderStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        (await EditorAccounts.AnyAsync(db)).Should().BeFalse();
        await EditorAccounts.AddAsync(db, "Ada", "analytical engine");
        (await EditorAccounts.AnyAsync(db)).Should().BeTrue();
        (await EditorAccounts.SignInAsync(db, "ada", "analytical engine"))!.UserName.Should().Be("Ada");
        (await EditorAccounts.SignInAsync(db, "Ada", "difference engine")).Should().BeNull();
        (await EditorAccounts.SignInAsync(db, "Bob", "analytical engine")).Should().BeNull();
    }

    [SkippableTheory]
    [EveryStore]
    public async Task RefusesDuplicateNamesBadNamesAndShortPasswords(StoreProvider provider)
    {
        await using var store = await ProviderStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        await EditorAccounts.AddAsync(db, "ada", "analytical engine");
        await FluentActions.Awaiting(() => EditorAccounts.AddAsync(db, "ADA", "another password")).Should()
            .ThrowAsync<ArgumentException>().WithMessage("*already exists*");
        await FluentActions.Awaiting(() => EditorAccounts.AddAsync(db, "bad name", "another password")).Should()
            .ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => EditorAccounts.AddAsync(db, "bob", "short")).Should()
            .ThrowAsync<ArgumentException>().WithMessage("*at least 10*");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task EachEditorGetsARandomStampThatRotatesAndVanishesWithTheEditor(StoreProvider provider)
    {
        await using var store = await ProviderStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var ada = await EditorAccounts.AddAsync(db, "Ada", "analytical engine");
        var bob = await EditorAccounts.AddAsync(db, "Bob", "difference engine");
        ada.SecurityStamp.Should().HaveLength(32).And.NotBe(bob.SecurityStamp);
        (await EditorAccounts.StampAsync(db, "ADA")).Should().Be(ada.SecurityStamp);

        (await EditorAccounts.RotateStampAsync(db, "ada")).Should().BeTrue();
        var rotated = await EditorAccounts.StampAsync(db, "ada");
        rotated.Should().NotBe(ada.SecurityStamp);
        (await EditorAccounts.SignInAsync(db, "Ada", "analytical engine")).Should().NotBeNull("a new stamp ends sign-ins, not the password");

        await EditorAccounts.RemoveAsync(db, "ada");
        (await EditorAccounts.StampAsync(db, "ada")).Should().BeNull();
        (await EditorAccounts.RotateStampAsync(db, "ada")).Should().BeFalse();
        (await EditorAccounts.StampAsync(db, "bob")).Should().Be(bob.SecurityStamp);
    }
}
