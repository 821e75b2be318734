using System.Diagnostics;
using System.Globalization;
using NewsCompare.Core.Comparison;

namespace NewsCompare.Cli.Benchmarks;

/// <summary>
/// Where the CPU of a comparison goes: reading the versions (splitting sentences, reading them as statements, word
/// uses, quotations) and comparing them (the first alignment, which also makes what each sentence keeps for scoring
/// pairs; an alignment of the same sentences again; the whole comparison of the read versions), each phase's median
/// CPU and allocations (all threads) over several runs. Reading runs on one thread here (the compare page reads its versions side by side); alignment
/// matches pairs on all cores, so its CPU is the process's.
/// </summary>
internal static class ComparisonPhases
{
    private sealed class Phase(string name)
    {
        public string Name { get; } = name;
        public List<double> Cpu { get; } = [];
        public List<double> Bytes { get; } = [];
    }

    public static string Measure(IReadOnlyList<ComparisonInput> inputs, int runs)
    {
        var phases = new[] { "split", "statements", "word uses", "quotations", "first alignment", "alignment again", "whole comparison again" }
            .Select(n => new Phase(n)).ToArray();
        using var process = Process.GetCurrentProcess();
        T Timed<T>(Phase phase, Func<T> work)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var result = work();
            phase.Bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - bytes);
            process.Refresh();
            phase.Cpu.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
            return result;
        }
        for (var r = 0; r <= runs; r++)
        {
            var split = Timed(phases[0], () => inputs.Select(v => v.Paragraphs.Select(SentenceSplitter.Split).ToList()).ToList());
            Timed(phases[1], () => split.Select((paragraphs, vi) =>
            {
                var stems = new Dictionary<string, string>(StringComparer.Ordinal);
                return paragraphs.SelectMany(p => p).Select(s => new Statement(s, inputs[vi].Language, withClauses: true, stems)).ToList();
            }).ToList());
            Timed(phases[2], () => inputs.Select(DistinctiveWords.UsesOf).ToList());
            Timed(phases[3], () => inputs.Select(QuoteFinder.Find).ToList());
            var read = inputs.Select(v => VersionComparer.Read(v)).ToList();
            var sentences = read.SelectMany((v, vi) => v.Sentences.Select(s => new VersionComparer.Sentence(vi, s.Paragraph, s.Statement))).ToList();
            for (var i = 0; i < sentences.Count; i++) sentences[i].Index = i;
            // The first alignment of read versions also makes what each sentence keeps for scoring pairs.
            Timed(phases[4], () => StatementAligner.Align(sentences, read.Count, StatementMatcher.Default));
            Timed(phases[5], () => StatementAligner.Align(sentences, read.Count, StatementMatcher.Default));
            Timed(phases[6], () => VersionComparer.Compare(read));
            if (r == 0) foreach (var phase in phases) { phase.Cpu.Clear(); phase.Bytes.Clear(); } // the first run warms up
        }
        return string.Join("; ", phases.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Name} {Median(p.Cpu):0.0} ms / {Median(p.Bytes) / 1e6:0.00} MB")));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
