using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NewsCompare.Core.Extraction;

/// <summary>
/// The time one capture may take to extract. Extraction is linear in the size of what it reads, so the budget is a
/// guard against a page nobody thought of, not a limit real pages meet: the walks check it as they go, and a
/// capture that runs out gets a reason instead of holding a core. It counts the processor time of the extracting
/// thread where the system reports it (Linux), so a busy machine does not make good pages fail.
/// </summary>
internal static class ExtractionBudget
{
    /// <summary>How long one capture may take.</summary>
    public static readonly TimeSpan PerFile = TimeSpan.FromSeconds(5);

    [ThreadStatic] private static long _deadline;
    [ThreadStatic] private static int _steps;

    /// <summary>The reason given for a capture that ran out of time.</summary>
    public static string Reason { get; } =
        $"extraction stopped after {PerFile.TotalSeconds:0} seconds of work: the page is too large or too deeply nested to read in time";

    /// <summary>Runs one extraction within the budget: a capture that runs out gives no article and the reason.</summary>
    public static ExtractedArticle Run(string capture, Func<string, ExtractedArticle> extract)
    {
        Start();
        try
        {
            return extract(capture);
        }
        catch (ExceededException e)
        {
            return new ExtractedArticle { Problem = e.Message };
        }
        finally
        {
            Stop();
        }
    }

    /// <summary>Starts the clock for one capture on this thread.</summary>
    private static void Start()
    {
        _deadline = Now() + (long)PerFile.TotalMicroseconds;
        _steps = 0;
    }

    /// <summary>Throws <see cref="ExceededException"/> once the capture on this thread has used up its time.</summary>
    public static void Check()
    {
        // The clock is read every 256 steps: a step is one element or one line, far below a millisecond.
        if ((++_steps & 255) == 0 && _deadline != 0 && Now() > _deadline) throw new ExceededException();
    }

    /// <summary>Ends the clock for this thread.</summary>
    private static void Stop() => _deadline = 0;

    // Microseconds of this thread's processor time on Linux, of the wall clock elsewhere.
    private static long Now()
    {
        if (HasThreadClock && ClockGetTime(ThreadCpuTime, out var spec) == 0)
            return spec.Seconds * 1_000_000 + spec.Nanoseconds / 1000;
        return (long)(Stopwatch.GetTimestamp() * (1_000_000.0 / Stopwatch.Frequency));
    }

    private const int ThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    private static readonly bool HasThreadClock = ProbeThreadClock();

    private static bool ProbeThreadClock()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return ClockGetTime(ThreadCpuTime, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Thrown inside an extractor when its capture runs out of time; the extractor turns it into a reason.</summary>
    internal sealed class ExceededException : Exception
    {
        public ExceededException() : base(Reason) { }
    }
}
