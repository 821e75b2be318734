using NewsCompare.Core.Metadata;

namespace NewsCompare.Core.Tests.Metadata;

public sealed class HostsTests
{
    [Theory]
    [InlineData("https://www.Example.com/World/Story/", "example.com/World/Story")]
    [InlineData("http://example.com/World/Story?utm_source=x#comments", "example.com/World/Story")]
    [InlineData("example.com/World/Story", "example.com/World/Story")]
    [InlineData("https://example.com/caf%C3%A9", "example.com/café")]
    public void KeysTheSameAddressTheSameWayHoweverItIsWritten(string url, string key) => Hosts.UrlKey(url).Should().Be(key);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("ftp://example.com/file")]
    [InlineData("mailto:desk@example.com")]
    public void GivesNoKeyToWhatIsNotAWebAddress(string? url) => Hosts.UrlKey(url).Should().BeNull();
}
