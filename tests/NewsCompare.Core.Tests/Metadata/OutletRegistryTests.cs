using NewsCompare.Core.Metadata;

namespace NewsCompare.Core.Tests.Metadata;

public sealed class OutletRegistryTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"nc-outlets-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Theory]
    [InlineData("www.reuters.com", "Reuters")]
    [InlineData("uk.reuters.com", "Reuters")]
    [InlineData("sputnikglobe.com", "Sputnik")]
    [InlineData("WWW.PRESSTV.IR", "Press TV")]
    [InlineData("news.sky.com", "Sky News")]
    public void FindsTheOutletOfAHostOrOfItsParentDomain(string host, string name) =>
        OutletRegistry.Default.FindByHost(host)!.Name.Should().Be(name);

    [Theory]
    [InlineData("example.com")]
    [InlineData("com")]
    [InlineData("notreuters.com")]
    public void KnowsNothingOfAnUnlistedHost(string host) => OutletRegistry.Default.FindByHost(host).Should().BeNull();

    [Fact]
    public void ShipsABroadRegistryWithUniqueNamesAndDomains()
    {
        var outlets = OutletRegistry.Default.Outlets;
        outlets.Should().HaveCountGreaterThan(100);
        outlets.Select(o => o.Name).Should().OnlyHaveUniqueItems();
        outlets.SelectMany(o => o.Domains).Should().OnlyHaveUniqueItems();
        outlets.Should().Contain(o => o.Kind == "wire").And.Contain(o => o.Kind == "state");
    }

    [Fact]
    public void FindsOutletsNamedInALineByNameAliasOrDomain()
    {
        var registry = OutletRegistry.Default;
        registry.FindMentions("MOSCOW (Sputnik) - The talks").Select(o => o.Name).Should().Equal("Sputnik");
        registry.FindMentions("CTVNews.ca Top Stories").Select(o => o.Name).Should().Equal("CTV News");
        registry.FindMentions("Also at www.presstv.co.uk and on AFP feeds").Select(o => o.Name).Should().Equal("Press TV", "Agence France-Presse");
        registry.FindMentions("A MAP of the area; the ap is closed").Should().BeEmpty();
    }

    [Fact]
    public void LetsUsersAddAndReplaceOutletsWithTheirOwnFile()
    {
        File.WriteAllText(_file, """
            [
              {"name": "Valley Courier", "domains": ["valleycourier.example"], "aliases": ["The Courier"]},
              {"name": "Reuters", "domains": ["reuters.com", "reuters.example"], "aliases": []}
            ]
            """);

        var registry = OutletRegistry.Load(_file);

        registry.FindByHost("news.valleycourier.example")!.Name.Should().Be("Valley Courier");
        registry.FindMentions("© The Courier 2024").Single().Name.Should().Be("Valley Courier");
        registry.FindByHost("reuters.example")!.Name.Should().Be("Reuters");
        registry.FindByHost("bbc.co.uk")!.Name.Should().Be("BBC");
        registry.Outlets.Count(o => o.Name == "Reuters").Should().Be(1);
    }

    [Fact]
    public void NamesTheUsersFileWhenItIsNotARegistry()
    {
        File.WriteAllText(_file, "{ not json");
        var act = () => OutletRegistry.Load(_file);
        act.Should().Throw<InvalidDataException>().WithMessage($"{_file}: not a valid outlet registry*");
    }
}
