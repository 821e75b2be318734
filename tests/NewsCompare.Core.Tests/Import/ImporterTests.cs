using System.Text;
using NewsCompare.Core.Articles;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;

namespace NewsCompare.Core.Tests.Import;

/// <summary>The importer, on each store engine.</summary>
public sealed class ImporterTests
{
    [SkippableTheory]
    [EveryStore]
    public async Task ImportsAFolderRecursivelyInPathOrder(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("b.txt", ImportFixture.Article("Bravo"));
        f.Write("a/z.txt", ImportFixture.Article("Alpha zulu"));
        f.Write("a/c.txt", ImportFixture.Article("Alpha charlie"));

        var report = await f.ImportAsync([f.Captures]);

        report.Results.Select(r => Path.GetRelativePath(f.Captures, r.File).Replace('\\', '/')).Should().Equal("a/c.txt", "a/z.txt", "b.txt");
        report.Imported.Should().Be(3);
        var names = await f.QueryAsync(db => db.Captures.OrderBy(c => c.Id).Select(c => c.FileName).ToListAsync());
        names.Should().Equal("a/c.txt", "a/z.txt", "b.txt");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task StoresTheRawBytesWithTheirSha256AndEveryDroppedLineWithItsReason(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        var bytes = Encoding.UTF8.GetBytes(ImportFixture.Article("Stored"));
        f.Write("stored.txt", bytes);

        await f.ImportAsync([f.Captures]);

        var capture = await f.QueryAsync(db => db.Captures.SingleAsync());
        CaptureContent.Read(capture).Should().Equal(bytes);
        capture.Sha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        capture.Format.Should().Be("text");
        var clutter = await f.QueryAsync(db => db.ClutterLines.OrderBy(c => c.Position).Select(c => new { c.Text, c.Reason }).ToListAsync());
        clutter.Select(c => (c.Text, c.Reason)).Should().Equal(("Share this article", "share"), ("Subscribe to our newsletter", "advert"));
        var article = await f.QueryAsync(db => db.Articles.SingleAsync());
        article.Paragraphs.Should().HaveCount(3);
        article.Headline.Should().Be("Stored");
        article.WordCount.Should().BeGreaterThan(20);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task KeepsHundredsOfDroppedLinesInPageOrder(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        var shares = Enumerable.Range(0, 70).Select(i => $"Share link {i}").ToList();
        f.Write("busy.txt", ImportFixture.Article("Busy page", extra: string.Join("\n\n", shares)));

        await f.ImportAsync([f.Captures]);

        var clutter = await f.QueryAsync(db => db.ClutterLines.OrderBy(c => c.Position).ToListAsync());
        clutter.Select(c => c.Position).Should().Equal(Enumerable.Range(0, 72));
        clutter.Select(c => c.Text).Should().Equal(["Share this article", .. shares, "Subscribe to our newsletter"]);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task DroppedLinesKeepQuotesBackslashesTabsAndEveryScriptExactly(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        var odd = "Share \"this\" at C:\\news\\today\tnow 😀 «café» 東京 \u2028 </script> {\"json\": [1]}";
        f.Write("odd.txt", ImportFixture.Article("Odd lines", extra: odd));

        await f.ImportAsync([f.Captures]);

        var clutter = await f.QueryAsync(db => db.ClutterLines.OrderBy(c => c.Position).Select(c => c.Text).ToListAsync());
        clutter.Should().Contain(odd);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ImportingTheSameBytesAgainAddsNothing(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("one.txt", ImportFixture.Article("One"));
        f.Write("two.txt", ImportFixture.Article("Two"));
        await f.ImportAsync([f.Captures]);
        var before = await f.CountsAsync();

        f.Write("copy-of-one.txt", ImportFixture.Article("One"));
        var again = await f.ImportAsync([f.Captures]);

        again.Unchanged.Should().Be(3);
        again.Imported.Should().Be(0);
        again.Results.Should().OnlyContain(r => r.ArticleId != null);
        (await f.CountsAsync()).Should().Be(before);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AChangedCaptureOfTheSameAddressIsANewVersion(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        const string url = "https://www.example.com/world/2024/03/05/story?utm=feed";
        File.WriteAllText(Path.Combine(f.Captures, "sources.json"), $$"""[{"file": "story.txt", "url": "{{url}}"}]""");
        f.Write("story.txt", ImportFixture.Article("First take"));
        (await f.ImportAsync([f.Captures])).Imported.Should().Be(1);

        f.Write("story.txt", ImportFixture.Article("First take, updated", paragraphs: 4));
        var report = await f.ImportAsync([f.Captures]);

        report.Results.Should().ContainSingle().Which.Outcome.Should().Be(ImportOutcome.NewVersion);
        var versions = await f.QueryAsync(db => db.Articles.OrderBy(a => a.Version).ToListAsync());
        versions.Select(a => (a.Version, a.IsLatest)).Should().Equal((1, false), (2, true));
        versions.Should().OnlyContain(a => a.UrlKey == "example.com/world/2024/03/05/story");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ReportsEachBadFileByNameAndReasonWhileTheOthersImport(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        var random = new Random(11);
        f.Write("good.txt", ImportFixture.Article("Good"));
        f.Write("empty.txt", "");
        f.Write("blank.txt", "  \n\n \t\n");
        f.Write("binary.txt", Enumerable.Range(0, 3000).Select(_ => (byte)random.Next(256)).ToArray());
        f.Write("garbage.txt", Enumerable.Range(0, 3000).Select(_ => (byte)random.Next(0x80, 0x100)).ToArray());
        f.Write("huge.txt", ImportFixture.Article("Huge", paragraphs: 200));
        f.Write("clutter.html", "<!DOCTYPE html><html><body><nav><a href=\"/\">Home</a><a href=\"/world\">World</a></nav><footer>© 2024 Example</footer></body></html>");

        var report = await f.ImportAsync([f.Captures], options: new ImportOptions { MaxFileBytes = 8 * 1024 });

        string Reason(string file) => report.Results.Single(r => Path.GetFileName(r.File) == file).Reason!;
        report.Results.Single(r => r.File.EndsWith("good.txt", StringComparison.Ordinal)).Outcome.Should().Be(ImportOutcome.Imported);
        report.Failed.Should().Be(6);
        Reason("empty.txt").Should().Be("empty file");
        Reason("blank.txt").Should().StartWith("empty file");
        Reason("binary.txt").Should().StartWith("binary file");
        Reason("garbage.txt").Should().StartWith("not readable text");
        Reason("huge.txt").Should().StartWith("too large").And.Contain("0.01 MB limit");
        Reason("clutter.html").Should().StartWith("no article text found");
        (await f.CountsAsync()).Captures.Should().Be(1);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ImportsTruncatedHtmlWithAWarning(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("cut.html", "<!DOCTYPE html><html><head><title>Cut</title></head><body><article><p>The first paragraph arrived whole.</p><p>The second was cut off in the mid");

        var report = await f.ImportAsync([f.Captures]);

        var result = report.Results.Should().ContainSingle().Subject;
        result.Outcome.Should().Be(ImportOutcome.Imported);
        result.Reason.Should().Contain("truncated HTML");
        (await f.QueryAsync(db => db.Captures.SingleAsync())).Warnings.Should().Contain("truncated HTML");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task TellsHtmlFromTextByContentNotByExtension(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("page.txt", "<!DOCTYPE html><html><body><p>A saved page with a misleading extension.</p></body></html>");
        f.Write("capture.html", ImportFixture.Article("Copied text saved as html"));

        await f.ImportAsync([f.Captures]);

        var formats = await f.QueryAsync(db => db.Captures.ToDictionaryAsync(c => c.FileName, c => c.Format));
        formats.Should().Equal(new Dictionary<string, string> { ["capture.html"] = "text", ["page.txt"] = "html" });
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ReportsAFileThatCannotBeReadAndImportsTheRest(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("fine.txt", ImportFixture.Article("Fine"));
        File.CreateSymbolicLink(Path.Combine(f.Captures, "gone.txt"), Path.Combine(f.Folder, "nowhere.txt"));

        var report = await f.ImportAsync([f.Captures]);

        report.Imported.Should().Be(1);
        report.Results.Single(r => r.File.EndsWith("gone.txt", StringComparison.Ordinal)).Reason.Should().StartWith("a link to something that does not exist");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task DoesNotFollowALinkedFolderBackUpTheTree(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("deep/one.txt", ImportFixture.Article("One"));
        Directory.CreateSymbolicLink(Path.Combine(f.Captures, "deep", "loop"), f.Captures);

        var report = await f.ImportAsync([f.Captures]);

        report.Results.Should().ContainSingle().Which.Outcome.Should().Be(ImportOutcome.Imported);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task NeverBlocksOnANamedPipeInTheFolder(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("fine.txt", ImportFixture.Article("Fine"));
        var fifo = Path.Combine(f.Captures, "pipe.txt");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();

        var report = await f.ImportAsync([f.Captures]).WaitAsync(TimeSpan.FromMinutes(1));

        report.Imported.Should().Be(1);
        report.Results.Single(r => r.File.EndsWith("pipe.txt", StringComparison.Ordinal)).Reason.Should().StartWith("not a regular file: a named pipe");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task LinksToADeviceOrAPipeBesideAGoodFileAreRefusedWithoutReadingThem(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("good.txt", ImportFixture.Article("Good"));
        File.CreateSymbolicLink(Path.Combine(f.Captures, "zero.txt"), "/dev/zero");
        var fifo = Path.Combine(f.Folder, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        File.CreateSymbolicLink(Path.Combine(f.Captures, "fifo.txt"), fifo);

        var report = await f.ImportAsync([f.Captures]).WaitAsync(TimeSpan.FromMinutes(1));

        report.Imported.Should().Be(1);
        report.Results.Single(r => r.File.EndsWith("good.txt", StringComparison.Ordinal)).Outcome.Should().Be(ImportOutcome.Imported);
        report.Results.Single(r => r.File.EndsWith("zero.txt", StringComparison.Ordinal)).Reason.Should().Be("not a regular file: a character device (such as /dev/zero), which is never read");
        report.Results.Single(r => r.File.EndsWith("fifo.txt", StringComparison.Ordinal)).Reason.Should().Be("not a regular file: a named pipe (FIFO), which is never read");
    }

    [Fact]
    public void AFileOverTheLimitIsRefusedFromItsOpenedHandleAndOneWithinItReadsWhole()
    {
        using var f = new ImportFixture();
        var path = f.Write("small.txt", ImportFixture.Article("Small"));
        var read = CaptureFiles.Read(path, null, 64);
        read.Bytes.Should().BeNull();
        read.Error.Should().StartWith("too large");
        CaptureFiles.Read(path, null, 1 << 20).Bytes.Should().Equal(File.ReadAllBytes(path));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AFileWhoseNameIsNotUtf8IsImportedUnderALosslessName(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("plain.txt", ImportFixture.Article("Plain"));
        // "café.txt" with the é as the single Latin-1 byte E9, and a name with a tab (0x09) in it.
        var script = $"printf '%s' \"$1\" > \"$2\"/caf$'\\xe9'.txt && printf '%s' \"$1 two\" > \"$2\"/tab$'\\t'name.txt";
        using (var write = System.Diagnostics.Process.Start("bash", ["-c", script, "bash", ImportFixture.Article("Latin one"), f.Captures]))
            await write.WaitForExitAsync();

        var report = await f.ImportAsync([f.Captures]);

        report.Failed.Should().Be(0, string.Join("; ", report.Results.Select(r => $"{r.File}: {r.Reason}")));
        report.Imported.Should().Be(3);
        var names = await f.QueryAsync(db => db.Captures.Select(c => c.FileName).ToListAsync());
        names.Should().Contain("caf%E9.txt").And.Contain("tab\tname.txt");
        Importer.PrintableName("tab\tname\u001b[31m.txt").Should().Be("tab\\u0009name\\u001B[31m.txt");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AFileWhoseNameIsNotUtf8NamedDirectlyIsImportedUnderALosslessName(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        // "café.txt" and "cafè.txt" with the accents as single Latin-1 bytes (E9, E8): given as an argument, each
        // reaches the program as "caf\uFFFD.txt". Alone in its folder it is found; beside the other it is ambiguous.
        var one = Path.Combine(f.Folder, "one");
        var two = Path.Combine(f.Folder, "two");
        var script = $"mkdir -p \"$2\" \"$3\" && printf '%s' \"$1\" > \"$2\"/caf$'\\xe9'.txt && printf '%s' \"$1\" > \"$3\"/caf$'\\xe9'.txt && printf '%s' \"$1 2\" > \"$3\"/caf$'\\xe8'.txt";
        using (var write = System.Diagnostics.Process.Start("bash", ["-c", script, "bash", ImportFixture.Article("Latin one"), one, two]))
            await write.WaitForExitAsync();

        var report = await f.ImportAsync([Path.Combine(one, "caf\uFFFD.txt"), Path.Combine(two, "caf\uFFFD.txt"), Path.Combine(one, "nothing\uFFFD.txt")]);

        report.Imported.Should().Be(1, string.Join("; ", report.Results.Select(r => $"{r.File}: {r.Reason}")));
        (await f.QueryAsync(db => db.Captures.Select(c => c.FileName).ToListAsync())).Should().Equal("caf%E9.txt");
        report.Results.Should().ContainSingle(r => r.File == Path.Combine(one, "caf%E9.txt") && r.Outcome == ImportOutcome.Imported);
        report.Results.Should().ContainSingle(r => r.File == Path.Combine(two, "caf\uFFFD.txt")).Which.Reason.Should().Contain("2 files in its folder read the same");
        report.Results.Should().ContainSingle(r => r.File == Path.Combine(one, "nothing\uFFFD.txt")).Which.Reason.Should().Be("not found");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ReportsAPathThatDoesNotExist(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        var report = await f.ImportAsync([Path.Combine(f.Folder, "missing-folder")]);
        report.Results.Should().ContainSingle().Which.Reason.Should().Be("not found");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AppliesAFoldersManifestWithPathsRelativeToItAndNeverImportsIt(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("batch/sub/one.txt", ImportFixture.Article("One"));
        f.Write("batch/sources.json", """
            [{"file": "sub/one.txt", "url": "https://www.reuters.com/world/one-2024-05-06/", "published": "2024-05-06", "outlet": "Reuters"}]
            """);

        var report = await f.ImportAsync([Path.Combine(f.Captures, "batch")]);

        report.Results.Should().ContainSingle().Which.Outcome.Should().Be(ImportOutcome.Imported);
        var article = await f.QueryAsync(db => db.Articles.SingleAsync());
        (article.Url, article.UrlSource).Should().Be(("https://www.reuters.com/world/one-2024-05-06/", "manifest"));
        (article.Outlet, article.OutletSource).Should().Be(("Reuters", "manifest"));
        (article.Published, article.PublishedSource).Should().Be((new DateOnly(2024, 5, 6), "manifest"));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task IgnoresAnUnreadableManifestValueWithAWarning(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("a.txt", ImportFixture.Article("Alpha"));
        File.WriteAllText(Path.Combine(f.Captures, "sources.json"), """[{"file": "a.txt", "url": "file:///etc/passwd", "published": "last Tuesday"}]""");

        var report = await f.ImportAsync([f.Captures]);

        var result = report.Results.Should().ContainSingle().Subject;
        result.Outcome.Should().Be(ImportOutcome.Imported);
        result.Reason.Should().Contain("\"published\" is not a date").And.Contain("not an http(s) address");
        var article = await f.QueryAsync(db => db.Articles.SingleAsync());
        (article.Url, article.Published).Should().Be((null, null));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ReportsEveryManifestEntryWhoseFileIsMissing(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("present.txt", ImportFixture.Article("Present"));
        var manifest = Path.Combine(f.Folder, "elsewhere.json");
        File.WriteAllText(manifest, """
            [{"file": "captures/present.txt", "url": "https://example.org/a"},
             {"file": "captures/lost-1.txt", "url": "https://example.org/b"},
             {"file": "captures/lost-2.txt", "url": "https://example.org/c"}]
            """);

        var report = await f.ImportAsync([f.Captures], manifest);

        report.Imported.Should().Be(1);
        report.Results.Where(r => r.Outcome == ImportOutcome.Failed).Select(r => Path.GetFileName(r.File)).Should().BeEquivalentTo("lost-1.txt", "lost-2.txt");
        report.Results.Where(r => r.Outcome == ImportOutcome.Failed).Should().OnlyContain(r => r.Reason!.Contains("elsewhere.json") && r.Reason.Contains("missing"));
    }

    [SkippableTheory]
    [InlineData(StoreProvider.Sqlite, "[{\"file\": \"a.txt\", ")]
    [InlineData(StoreProvider.Sqlite, "{\"file\": \"a.txt\"}")]
    [InlineData(StoreProvider.Sqlite, "[{\"url\": \"https://example.org/a\"}]")]
    [InlineData(StoreProvider.Postgres, "[{\"file\": \"a.txt\", ")]
    public async Task AMalformedManifestFailsTheRunBeforeAnythingIsWritten(StoreProvider provider, string json)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("a.txt", ImportFixture.Article("Alpha"));
        File.WriteAllText(Path.Combine(f.Captures, "sources.json"), json);

        var report = await f.ImportAsync([f.Captures]);

        var failure = report.Results.Should().ContainSingle().Subject;
        failure.Outcome.Should().Be(ImportOutcome.Failed);
        failure.File.Should().EndWith("sources.json");
        failure.Reason.Should().Contain("malformed sources manifest");
        (await f.CountsAsync()).Captures.Should().Be(0);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task TakesTheAddressOfSavedHtmlFromThePageItself(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("saved.html", "<!DOCTYPE html><html><head><link rel=\"canonical\" href=\"https://www.bbc.com/news/world-12345\"></head><body><p>Body text of the saved page.</p></body></html>");

        await f.ImportAsync([f.Captures]);

        var article = await f.QueryAsync(db => db.Articles.SingleAsync());
        (article.Url, article.UrlSource).Should().Be(("https://www.bbc.com/news/world-12345", "html:canonical"));
        (article.Site, article.Outlet).Should().Be(("BBC", "BBC"));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ACancelledImportLeavesTheStoreConsistentAndRunningAgainCompletesIt(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        for (var i = 0; i < 60; i++) f.Write($"c{i:D3}.txt", ImportFixture.Article($"Capture number {i}"));
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p => { if (p.Done == 25) cancel.Cancel(); });

        var act = () => f.ImportAsync([f.Captures], options: new ImportOptions { BatchSize = 10 }, ct: cancel.Token, progress: progress);

        await act.Should().ThrowAsync<OperationCanceledException>();
        var partial = await f.CountsAsync();
        partial.Captures.Should().BeInRange(20, 30).And.Be(partial.Articles);
        partial.Orphans.Should().Be(0);

        var rerun = await f.ImportAsync([f.Captures], options: new ImportOptions { BatchSize = 10 });

        rerun.Unchanged.Should().Be(partial.Captures);
        rerun.Imported.Should().Be(60 - partial.Captures);
        var final = await f.CountsAsync();
        (final.Captures, final.Articles, final.Clutter, final.Orphans).Should().Be((60, 60, 120, 0));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task TwoImportsOfTheSameFilesAtOnceStoreEachCaptureOnce(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        for (var i = 0; i < 40; i++) f.Write($"s{i:D2}.txt", ImportFixture.Article($"Shared capture {i}"));
        var options = new ImportOptions { BatchSize = 5 };
        await f.CountsAsync(); // creates the store first: concurrent first opens race in the schema migrator

        var reports = await Task.WhenAll(
            Task.Run(() => f.ImportAsync([f.Captures], options: options)),
            Task.Run(() => f.ImportAsync([f.Captures], options: options)));

        reports.Should().OnlyContain(r => r.Failed == 0);
        reports.Sum(r => r.Imported).Should().Be(40);
        reports.Sum(r => r.Unchanged).Should().Be(40);
        (await f.CountsAsync()).Should().Be((40, 40, 80, 0));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task TwoImportsOfOverlappingFoldersAtOnceLoseNoArticleAndNumberEachArticlesVersionsOnce(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        // Stored first: 24 articles at their own addresses. Then two folders at once, each with a later version of every
        // one of them (a adds a paragraph, b two), 8 stored files again byte for byte and 8 articles of its own. Small
        // batches: PostgreSQL serialises writing transactions from their first write on (the change counter's row), so
        // what races is a batch's reads before that write, and here most batches start with a version.
        string Url(string story) => $"https://news.example.org/world/story-{story}";
        string Text(string story, int paragraphs) => ImportFixture.Article($"Harbour story number {story}", paragraphs);
        void Folder(string name, IEnumerable<(string Story, int Paragraphs)> files)
        {
            var list = files.Select(x => (File: $"{(x.Story.StartsWith('s') ? "" : "z-own-")}{x.Story}-{x.Paragraphs}.txt", x.Story, x.Paragraphs)).ToList();
            foreach (var (file, story, paragraphs) in list) f.Write($"{name}/{file}", Text(story, paragraphs));
            File.WriteAllText(Path.Combine(f.Captures, name, "sources.json"),
                "[" + string.Join(",", list.Select(x => $$"""{"file": "{{x.File}}", "url": "{{Url(x.Story)}}"}""")) + "]");
        }
        var stored = Enumerable.Range(0, 24).Select(i => $"s{i:D2}").ToList();
        Folder("base", stored.Select(s => (s, 3)));
        (await f.ImportAsync([Path.Combine(f.Captures, "base")])).Imported.Should().Be(24);
        // The later versions come first in each folder's order, the other files after them.
        foreach (var name in new[] { "a", "b" })
            foreach (var story in stored.Take(8)) f.Write($"{name}/z-again/{story}.txt", Text(story, 3));
        Folder("a", [.. stored.Select(s => (s, 4)), .. Enumerable.Range(0, 8).Select(i => ($"u{i:D2}", 3))]);
        Folder("b", [.. stored.Select(s => (s, 5)), .. Enumerable.Range(0, 8).Select(i => ($"v{i:D2}", 3))]);
        var options = new ImportOptions { BatchSize = 2 };
        var reports = await Task.WhenAll(
            Task.Run(() => f.ImportAsync([Path.Combine(f.Captures, "a")], options: options)),
            Task.Run(() => f.ImportAsync([Path.Combine(f.Captures, "b")], options: options)));

        reports.Should().OnlyContain(r => r.Failed == 0, string.Join("; ", reports.SelectMany(r => r.Results).Where(r => r.Reason is not null).Select(r => r.Reason)));
        reports.Sum(r => r.NewVersions).Should().Be(48);
        reports.Sum(r => r.Imported).Should().Be(48 + 16, "every distinct capture is stored once, as an article or a version");
        reports.Sum(r => r.Unchanged).Should().Be(16);
        var counts = await f.CountsAsync();
        (counts.Captures, counts.Articles, counts.Orphans).Should().Be((24 + 48 + 16, 24 + 48 + 16, 0));
        var rows = await f.QueryAsync(db => db.Articles.Select(x => new { x.UrlKey, x.Version, x.IsLatest }).ToListAsync());
        foreach (var key in rows.GroupBy(r => r.UrlKey))
        {
            var versions = key.Key!.Contains("story-s", StringComparison.Ordinal) ? 3 : 1;
            key.Select(r => r.Version).Order().Should().Equal(Enumerable.Range(1, versions), $"the versions at {key.Key}");
            key.Should().ContainSingle(r => r.IsLatest).Which.Version.Should().Be(versions);
        }
        rows.Select(r => r.UrlKey).Distinct().Should().HaveCount(24 + 16);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AValueTheEngineCannotHoldFailsThatFileByNameAndKeepsTheRestOfItsBatchAndWhatWasStored(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        f.Write("first/stored.txt", ImportFixture.Article("Stored earlier"));
        (await f.ImportAsync([Path.Combine(f.Captures, "first")])).Imported.Should().Be(1);
        var before = await f.QueryAsync(db => db.Captures.Select(c => new { c.Sha256, c.StoredContent }).SingleAsync());

        // An address of 6,000 random letters: PostgreSQL's index on address keys holds at most 2,704 bytes an entry,
        // SQLite has no such limit.
        var random = new Random(5);
        var longPath = new string(Enumerable.Range(0, 6000).Select(_ => (char)('a' + random.Next(26))).ToArray());
        f.Write("second/a-good.txt", ImportFixture.Article("Good neighbour"));
        f.Write("second/b-long-address.txt", ImportFixture.Article("Very long address"));
        f.Write("second/d-good.txt", ImportFixture.Article("Another good one"));
        File.WriteAllText(Path.Combine(f.Captures, "second", "sources.json"), $$"""[{"file": "b-long-address.txt", "url": "https://example.org/{{longPath}}"}]""");

        var report = await f.ImportAsync([Path.Combine(f.Captures, "second")]);

        var failed = report.Results.Where(r => r.Outcome == ImportOutcome.Failed).ToList();
        var stored = report.Results.Where(r => r.Outcome == ImportOutcome.Imported).Select(r => Path.GetFileName(r.File)).ToList();
        stored.Should().Contain(["a-good.txt", "d-good.txt"]);
        if (provider == StoreProvider.Postgres)
        {
            failed.Should().ContainSingle().Which.File.Should().EndWith("b-long-address.txt");
            failed[0].Reason.Should().StartWith("could not be stored: ").And.Contain("IX_Articles_UrlKey");
        }
        else failed.Should().BeEmpty("SQLite holds any value");
        (await f.CountsAsync()).Should().Match<(int Captures, int Articles, int Clutter, int Orphans)>(c => c.Captures == 1 + stored.Count && c.Articles == c.Captures && c.Orphans == 0);
        var kept = await f.QueryAsync(db => db.Captures.OrderBy(c => c.Id).Select(c => new { c.Sha256, c.StoredContent }).FirstAsync());
        kept.Sha256.Should().Be(before.Sha256);
        kept.StoredContent.Should().Equal(before.StoredContent);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ImportsUploadsWithTheirManifestAndTheSameLimits(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        await using var db = await f.OpenAsync();
        var importer = f.Importer(db, new ImportOptions { MaxFileBytes = 4096 });
        ImportUpload[] uploads =
        [
            new("story.txt", Encoding.UTF8.GetBytes(ImportFixture.Article("Uploaded"))),
            new("big.txt", Encoding.UTF8.GetBytes(ImportFixture.Article("Big", paragraphs: 100))),
            new("empty.txt", []),
            new("sources.json", Encoding.UTF8.GetBytes("""[{"file": "story.txt", "url": "https://apnews.com/article/uploaded-2024-01-09"}, {"file": "absent.txt", "url": "https://apnews.com/x"}]""")),
        ];

        var report = await importer.ImportUploadsAsync(uploads);

        report.Results.Single(r => r.File == "story.txt").Outcome.Should().Be(ImportOutcome.Imported);
        report.Results.Single(r => r.File == "big.txt").Reason.Should().StartWith("too large");
        report.Results.Single(r => r.File == "empty.txt").Reason.Should().Be("empty file");
        report.Results.Single(r => r.File == "absent.txt").Reason.Should().Contain("not uploaded");
        var article = await db.Articles.SingleAsync();
        (article.Outlet, article.OutletSource, article.UrlSource).Should().Be(("Associated Press", "url-host", "manifest"));
    }

    [Fact]
    public void AnalysesFilesWithoutAStore()
    {
        using var f = new ImportFixture();
        var file = f.Write("look.txt", """
            Council widens school meals programme to every district

            The regional council voted on Tuesday to extend its free school meals programme to every district, after a pilot in three towns cut absences by a fifth.

            Officials said the change would take effect in September and would be paid for from savings in the transport budget, which had underspent for two years running.
            """);

        var analyses = Importer.Analyze([file]);

        var analysis = analyses.Should().ContainSingle().Subject;
        analysis.Succeeded.Should().BeTrue();
        analysis.Capture!.Sha256.Should().HaveLength(64);
        analysis.Article!.Paragraphs.Should().NotBeEmpty();
        File.Exists(f.DbPath).Should().BeFalse();
    }

    /// <summary>Reports on the importing thread, so the test can cancel at an exact point.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
