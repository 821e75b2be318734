using NewsCompare.Core.Import;

namespace NewsCompare.Core.Tests.Import;

public sealed class FormatSnifferTests
{
    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>x</title></head><body><p>Hello</p></body></html>")]
    [InlineData("\n\n  <html lang=\"en\"><body><p>Hello</p></body></html>")]
    [InlineData("<!-- saved from url=(0043)https://example.com/news/2024/01/02/story -->\n<html><body></body></html>")]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")]
    public void RecognisesHtmlByHowItStarts(string content) => FormatSniffer.Detect(content).Should().Be(FormatSniffer.Html);

    [Fact]
    public void RecognisesAnHtmlFragmentWithoutDoctypeByItsTagDensity()
    {
        var fragment = string.Concat(Enumerable.Repeat("<div class=\"story\"><p>A paragraph of the story.</p><a href=\"/next\">Next</a></div>\n", 20));
        FormatSniffer.Detect(fragment).Should().Be(FormatSniffer.Html);
    }

    [Fact]
    public void ReadsTextThatQuotesATagAsText()
    {
        var text = "How to build a web page\n\nStart with the <html> element, then add a <body>. The <p> tag holds a paragraph.\n\n"
                   + string.Concat(Enumerable.Repeat("Ordinary sentences about the subject follow here and go on for a while.\n", 30));
        FormatSniffer.Detect(text).Should().Be(FormatSniffer.Text);
    }

    [Fact]
    public void ReadsPlainCaptureAsText() =>
        FormatSniffer.Detect("Headline of the story\n\nShare\n\nMOSCOW - The first paragraph of the article.\n").Should().Be(FormatSniffer.Text);

    [Fact]
    public void FlagsHtmlThatEndsBeforeItsClosingTags()
    {
        FormatSniffer.LooksTruncated("<html><body><p>Complete.</p></body></html>").Should().BeFalse();
        FormatSniffer.LooksTruncated("<html><body><p>Cut off in the midd").Should().BeTrue();
    }
}
