using System.Diagnostics;

namespace Scheduler.Benchmarks.Quality;

/// <summary>
/// Samples the process's resident set (<see cref="Process.WorkingSet64"/>, VmRSS on Linux) every 20 ms while
/// alive and keeps the largest value. Native memory (CP-SAT's) counts, unlike GC figures. Peaks shorter than
/// the sampling period can be missed; <see cref="Process.PeakWorkingSet64"/> would not, but it covers the whole
/// process's life and so cannot separate one instance from the one before.
/// </summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Process process = Process.GetCurrentProcess();
    private readonly Timer timer;
    private long peak;
    private bool disposed;

    public PeakMemorySampler()
    {
        Sample();
        timer = new Timer(_ => Sample(), null, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20));
    }

    /// <summary>The largest resident set seen so far, in bytes.</summary>
    public long PeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref peak);
        }
    }

    private void Sample()
    {
        long now;
        lock (process)
        {
            // Timer.Dispose does not wait for a callback already queued, so one may arrive after Dispose.
            if (disposed) return;
            process.Refresh();
            now = process.WorkingSet64;
        }
        long seen;
        while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
    }

    public void Dispose()
    {
        timer.Dispose();
        lock (process)
        {
            disposed = true;
            process.Dispose();
        }
    }
}
