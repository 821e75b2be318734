using System.Diagnostics;
using System.Globalization;
using NewsCompare.Core.Comparison;
using NewsCompare.Embeddings;

// Usage: dotnet run -c Release --project tools/NewsCompare.Embeddings -- PAIRS.tsv [CACHE-FILE]
// Prints the held-out figures of the lexical model and of the model with all-MiniLM-L6-v2 embeddings on the same folds,
// and what the embeddings cost (load time, ms per sentence, working set).
var pairsPath = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "datasets", "statement-matching-dev", "pairs.tsv");
if (!File.Exists(pairsPath))
{
    Console.Error.WriteLine($"{Path.GetFullPath(pairsPath)}: not found");
    return 2;
}
IReadOnlyList<LabelledPair> pairs;
using (var reader = new StreamReader(pairsPath)) pairs = StatementLearner.ReadPairs(reader, pairsPath);

string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
using var process = Process.GetCurrentProcess();
var clock = Stopwatch.StartNew();
var model = MiniLmEmbedder.Shared;
process.Refresh();
Console.WriteLine(Line($"load: {clock.ElapsedMilliseconds} ms, working set {process.WorkingSet64 / 1e6:0} MB"));
var sample = pairs.Take(200).SelectMany(p => new[] { p.First, p.Second }).Distinct().ToList();
clock.Restart();
model.Embed(sample);
Console.WriteLine(Line($"embedding: {clock.Elapsed.TotalMilliseconds / sample.Count:0.0} ms per sentence ({sample.Count} sentences, batches of 16; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));

ISentenceEmbedder embedder = args.Length > 1 ? new CachedEmbedder(() => model, args[1]) : model;
var learned = StatementLearner.Learn(pairs, pairsPath, embedder: embedder);
void Print(string what, MatchFigures f) => Console.WriteLine(Line(
    $"{what}: accuracy {f.Accuracy:0.0000}, precision {f.Precision:0.0000}, recall {f.Recall:0.0000}, F1 {f.F1:0.0000}"));
Print("held out, lexical signals", learned.HeldOut);
Print("held out, lexical signals and embeddings", learned.HeldOutWithEmbeddings!);
process.Refresh();
Console.WriteLine(Line($"peak working set: {process.PeakWorkingSet64 / 1e6:0} MB"));
return 0;
