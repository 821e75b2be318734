using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Tests.Reading;

public sealed class FullTextTests
{
    [Theory]
    [InlineData("river treaty", "\"river\" \"treaty\"")]
    [InlineData("  grève  ", "\"grève\"")]
    [InlineData("minist*", "\"minist\"*")]
    [InlineData("\"quoted\" OR NEAR(a b)", "\"quoted\" \"OR\" \"NEAR\" \"a\" \"b\"")]
    public void QuotesEveryWordSoInputCannotInjectSearchSyntax(string text, string expected) =>
        FullText.Query(text).Should().Be(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \"()* ")]
    public void HasNoQueryWithoutWords(string? text) => FullText.Query(text).Should().BeNull();
}
