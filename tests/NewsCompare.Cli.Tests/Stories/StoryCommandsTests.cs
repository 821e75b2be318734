using System.CommandLine;
using System.Text.Json;
using NewsCompare.Cli.Commands;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Tests.Stories;

[Collection("Console")]
public sealed class StoryCommandsTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"nc-cli-stories-{Guid.NewGuid():N}.db");
    private long _a, _b, _c;

    public async Task InitializeAsync()
    {
        await using var db = await NewsStore.OpenAsync(_path);
        var ids = new List<long>();
        string[][] texts =
        [
            ["Kazan talks: Volkov hosts Lian on the Volga grain corridor", "Dmitri Volkov hosted envoy Lian Pei in Kazan on Tuesday to discuss the Volga grain corridor and the Sviyazhsk rail terminal, a 4.2 billion yuan project."],
            ["Lian Pei in Kazan for grain corridor and Sviyazhsk terminal talks", "Envoy Lian Pei met Dmitri Volkov in Kazan about the Volga grain corridor; the Sviyazhsk rail terminal deal is worth 4.2 billion yuan."],
            ["Storm cuts power to Brittany", "A storm knocked out power to 200,000 homes in Brittany on Thursday, the grid operator said, as winds reached 150 km/h."],
        ];
        foreach (var (t, i) in texts.Select((t, i) => (t, i)))
        {
            var capture = new Capture { Sha256 = $"{i:x64}", StoredContent = [], FileName = $"{i}.txt", Format = "text", Encoding = "utf-8", ImportedAt = DateTime.UtcNow };
            db.Captures.Add(capture);
            await db.SaveChangesAsync();
            var article = new Article { CaptureId = capture.Id, Headline = t[0], Paragraphs = [t[1]], Outlet = $"outlet{i}", ImportedAt = DateTime.UtcNow };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            ids.Add(article.Id);
        }
        await StoryStore.AssignNewArticlesAsync(db, ids);
        (_a, _b, _c) = (ids[0], ids[1], ids[2]);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(f);
        return Task.CompletedTask;
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var root = new RootCommand { Options = { CliOptions.Db } };
        root.Subcommands.Add(StoryCorrectionCommands.Move());
        root.Subcommands.Add(StoryCorrectionCommands.Merge());
        root.Subcommands.Add(RegroupCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var code = await root.Parse([.. args, "--db", _path]).InvokeAsync();
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    private async Task<List<JsonElement>> ExportStoriesAsync()
    {
        var file = _path + ".stories.json";
        var (code, _, error) = await RunAsync("export", "--stories", "--out", file);
        code.Should().Be(0, error);
        try { return JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.EnumerateArray().ToList(); }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task MoveToANewStoryThenRegroupKeepsTheArticleApart()
    {
        var (code, output, _) = await RunAsync("move", _b.ToString(System.Globalization.CultureInfo.InvariantCulture), "--to", "new", "--reason", "an opinion piece");
        code.Should().Be(0);
        output.Should().Contain("is now in story");

        (await RunAsync("regroup")).Code.Should().Be(0);

        var stories = await ExportStoriesAsync();
        stories.Should().HaveCount(3, "the moved article stays on its own after regroup");
        stories.Should().OnlyContain(s => s.GetProperty("articles").GetInt32() == 1 && s.GetProperty("independentVersions").GetInt32() == 1);
    }

    [Fact]
    public async Task MoveWithAnUnknownTargetFailsWithAClearMessage()
    {
        var (code, _, error) = await RunAsync("move", _a.ToString(System.Globalization.CultureInfo.InvariantCulture), "--to", "somewhere", "--reason", "x");
        code.Should().Be(2);
        error.Should().Contain("\"somewhere\" is neither a story id nor \"new\"");

        (code, _, error) = await RunAsync("merge", "1", "987654", "--reason", "x");
        code.Should().Be(2);
        error.Should().Contain("story 987654 does not exist");
    }

    [Fact]
    public async Task ExportStoriesListsEachStoryWithItsCounts()
    {
        var stories = await ExportStoriesAsync();
        stories.Should().HaveCount(2);
        stories.Sum(s => s.GetProperty("articles").GetInt32()).Should().Be(3);
        _c.Should().BePositive();
    }
}
