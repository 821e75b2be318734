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
        outlets.Should().Contain(o => o.Kind == "wire").And.Contain(o => o.OwnerType == OwnerTypes.StateControlled);
    }

    [Fact]
    public void DescribesEveryBuiltInOutletWithACitedSource()
    {
        var outlets = OutletRegistry.Default.Outlets;
        outlets.Should().HaveCountGreaterThanOrEqualTo(200);
        outlets.Select(o => o.Country).Distinct().Should().HaveCountGreaterThanOrEqualTo(20);
        outlets.Select(o => o.Language).Distinct().Should().Contain(["en", "es", "de", "fr", "it", "pt", "ru", "tr", "ar", "zh", "ja"]);
        foreach (var outlet in outlets)
        {
            outlet.Problems().Should().BeEmpty(outlet.Name);
            outlet.Kind.Should().NotBeNull(outlet.Name);
            outlet.Country.Should().NotBeNull(outlet.Name);
            outlet.Language.Should().NotBeNull(outlet.Name);
            outlet.OwnerType.Should().BeOneOf(OwnerTypes.All, outlet.Name);
            outlet.Owner.Should().NotBeNullOrWhiteSpace(outlet.Name);
            outlet.Homepage.Should().StartWith("http", outlet.Name);
            outlet.Source.Should().StartWith("http", outlet.Name);
            outlet.Domains.Should().NotBeEmpty(outlet.Name);
        }
        outlets.SelectMany(o => o.Domains.Select(Hosts.Bare)).Should().OnlyHaveUniqueItems("a host maps to one outlet");
        // Countries are real ISO 3166 regions, so pages can name them.
        outlets.Select(o => new System.Globalization.RegionInfo(o.Country!).TwoLetterISORegionName).Should().Equal(outlets.Select(o => o.Country));
    }

    [Theory]
    [InlineData("Press TV", "IR", OwnerTypes.StateControlled)]
    [InlineData("Sputnik", "RU", OwnerTypes.StateControlled)]
    [InlineData("BBC", "GB", OwnerTypes.StateFundedPublicService)]
    [InlineData("The New York Times", "US", OwnerTypes.Public)]
    [InlineData("The Guardian", "GB", OwnerTypes.Private)]
    public void SaysWhoOwnsTheSeedsAndWellKnownOutlets(string name, string country, string ownerType)
    {
        var outlet = OutletRegistry.Default.FindByName(name)!;
        outlet.Country.Should().Be(country);
        outlet.OwnerType.Should().Be(ownerType);
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
    public void KeepsTheBuiltInDescriptionAUsersEntryLeavesOut()
    {
        File.WriteAllText(_file, """
            [
              {"name": "Press TV", "domains": ["presstv.example"]},
              {"name": "Time", "domains": ["time.com", "time.example"]},
              {"name": "Valley Courier", "domains": ["valleycourier.example"], "country": "NZ", "language": "en",
               "ownerType": "private", "owner": "The Ng family.", "homepage": "https://valleycourier.example",
               "source": "https://valleycourier.example/about"}
            ]
            """);

        var registry = OutletRegistry.Load(_file);

        var press = registry.FindByHost("presstv.example")!;
        press.Name.Should().Be("Press TV");
        press.OwnerType.Should().Be(OwnerTypes.StateControlled);
        press.Country.Should().Be("IR");
        press.Source.Should().StartWith("https://");
        var courier = registry.FindByName("Valley Courier")!;
        courier.OwnerType.Should().Be(OwnerTypes.Private);
        courier.Owner.Should().Be("The Ng family.");
        registry.FindByHost("time.example")!.Ambiguous.Should().BeTrue("an ordinary word stays unmatched in text");
        registry.FindMentions("Time to go").Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"ownerType\": \"state\"", "ownerType \"state\" is not one of public, private, state-controlled, state-funded-public-service")]
    [InlineData("\"country\": \"Iran\"", "country \"Iran\" is not a two-letter ISO 3166 code*")]
    [InlineData("\"source\": \"wikipedia\"", "source \"wikipedia\" is not an http(s) address")]
    public void NamesTheFileAndTheEntryWhenAFieldIsInvalid(string field, string reason)
    {
        File.WriteAllText(_file, $$"""[{"name": "Valley Courier", "domains": ["valleycourier.example"], {{field}}}]""");
        var act = () => OutletRegistry.Load(_file);
        act.Should().Throw<InvalidDataException>().WithMessage($"{_file}: not a valid outlet registry: \"Valley Courier\": {reason}");
    }

    [Fact]
    public void NamesTheUsersFileWhenItIsNotARegistry()
    {
        File.WriteAllText(_file, "{ not json");
        var act = () => OutletRegistry.Load(_file);
        act.Should().Throw<InvalidDataException>().WithMessage($"{_file}: not a valid outlet registry*");
    }
}
