using NewsCompare.Cli.Benchmarks;

namespace NewsCompare.Cli.Tests.Stories;

public sealed class GroupingDatasetTests : CliTempFolder
{
    // A capture as people save one: the page's menu and share line around the report, the title on the first line.
    private string Capture()
    {
        var folder = Path.Combine(Folder, "captures");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "flood.txt"), string.Join("\n\n",
            "Storm floods the old town of Mostar",
            "Home | World | Sport | Weather",
            "Share on Facebook",
            "Heavy rain flooded the old town of Mostar on Sunday, and firefighters pumped water out of cellars along the river Neretva for most of the night.",
            "The mayor said the old bridge stayed open to walkers and that schools in the lower town would close on Monday while the water recedes.",
            "Firefighters from Capljina and Konjic joined the crews in the morning, and the army brought two pumps to the cellars nearest the river."));
        return folder;
    }

    [Fact]
    public void TheFilesOwnLinesKeepEveryLineAfterTheTitle()
    {
        var item = GroupingDataset.Load(Capture(), null, withDates: false, ExtractedParts.None).Items.Single().Article;

        item.Headline.Should().Be("Storm floods the old town of Mostar");
        item.Paragraphs.Should().HaveCount(5).And.Contain("Share on Facebook");
    }

    [Fact]
    public void TheExtractedBodyLeavesTheMenuAndShareLineOutAndKeepsTheFilesTitle()
    {
        var item = GroupingDataset.Load(Capture(), null, withDates: false, ExtractedParts.Body).Items.Single().Article;

        item.Headline.Should().Be("Storm floods the old town of Mostar");
        item.Paragraphs.Should().HaveCount(3).And.NotContain(p => p.Contains("Share") || p.Contains("Home"));
    }

    [Fact]
    public void TheExtractedHeadlineIsTheImportersAndTheBodyTheFilesOwn()
    {
        var all = GroupingDataset.Load(Capture(), null, withDates: false, ExtractedParts.All).Items.Single().Article;
        var headline = GroupingDataset.Load(Capture(), null, withDates: false, ExtractedParts.Headline).Items.Single().Article;

        headline.Headline.Should().Be(all.Headline);
        headline.Paragraphs.Should().HaveCount(5);
    }
}
