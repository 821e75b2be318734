using System.Diagnostics;

namespace NewsCompare.Core.Extraction;

/// <summary>
/// The time one capture may take to extract. Extraction is linear in the size of what it reads, so the budget is a
/// guard against a page nobody thought of, not a limit real pages meet: the walks check it as they go, and a
/// capture that runs out gets a reason instead of holding a core.
/// </summary>
internal static class ExtractionBudget
{
    /// <summary>How long one capture may take.</summary>
    public static readonly TimeSpan PerFile = TimeSpan.FromSeconds(5);

    [ThreadStatic] private static long _deadline;
    [ThreadStatic] private static int _steps;

    /// <summary>The reason given for a capture that ran out of time.</summary>
    public static string Reason { get; } =
        $"extraction stopped after {PerFile.TotalSeconds:0} seconds: the page is too large or too deeply nested to read in time";

    /// <summary>Starts the clock for one capture on this thread.</summary>
    public static void Start() => _deadline = Stopwatch.GetTimestamp() + (long)(PerFile.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Throws <see cref="ExceededException"/> once the capture on this thread has used up its time.</summary>
    public static void Check()
    {
        // The clock is read every 256 steps: a step is one element or one line, far below a millisecond.
        if ((++_steps & 255) == 0 && _deadline != 0 && Stopwatch.GetTimestamp() > _deadline) throw new ExceededException();
    }

    /// <summary>Ends the clock for this thread.</summary>
    public static void Stop() => _deadline = 0;

    /// <summary>Thrown inside an extractor when its capture runs out of time; the extractor turns it into a reason.</summary>
    internal sealed class ExceededException : Exception
    {
        public ExceededException() : base(Reason) { }
    }
}
