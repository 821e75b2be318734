using NewsCompare.Core.Metadata;

namespace NewsCompare.Core.Tests.Metadata;

public sealed class HostsTests
{
    [Theory]
    [InlineData("https://www.Example.com/World/Story/", "example.com/World/Story")]
    [InlineData("http://example.com/World/Story?utm_source=x#comments", "example.com/World/Story")]
    [InlineData("example.com/World/Story", "example.com/World/Story")]
    [InlineData("https://example.com/caf%C3%A9", "example.com/café")]
    [InlineData("https://example.com/story?utm_source=x&fbclid=y&gclid=z&utm_medium=social", "example.com/story")]
    [InlineData("https://example.com/news.cfm?utm_source=rss&arid=11165129", "example.com/news.cfm?arid=11165129")]
    [InlineData("https://example.com/news.cfm?objectid=1&c_id=2", "example.com/news.cfm?c_id=2&objectid=1")]
    [InlineData("https://example.com/news.cfm?c_id=2&objectid=1&fbclid=x", "example.com/news.cfm?c_id=2&objectid=1")]
    public void KeysTheSameAddressTheSameWayHoweverItIsWritten(string url, string key) => Hosts.UrlKey(url).Should().Be(key);

    [Fact]
    public void KeepsTheQueryParametersThatNameTheArticle() =>
        Hosts.UrlKey("https://www.example.co.nz/news/article.cfm?c_id=1&objectid=12297531")
            .Should().NotBe(Hosts.UrlKey("https://www.example.co.nz/news/article.cfm?c_id=1&objectid=12297683"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("ftp://example.com/file")]
    [InlineData("mailto:desk@example.com")]
    public void GivesNoKeyToWhatIsNotAWebAddress(string? url) => Hosts.UrlKey(url).Should().BeNull();
}
