using System.Diagnostics;
using System.Globalization;
using Scheduler.Engine.Solving;

namespace Scheduler.Cli.Rendering;

/// <summary>
/// Shows how a solve is going on stderr: on a terminal, one status line redrawn in place a few times a second;
/// otherwise a plain line at most once a second, and only when the search has improved.
/// Stdout is never touched, so a schedule written there stays pure JSON.
/// </summary>
internal sealed class SolveProgressReporter : IProgress<SolveProgress>, IDisposable
{
    private static readonly TimeSpan LiveRefresh = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(1);

    private readonly TextWriter error;
    private readonly bool live;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private readonly Timer timer;
    private SolveProgress? latest;
    private bool changed;
    private bool stopped;
    private int drawnWidth;

    /// <summary>Starts reporting to <paramref name="error"/>; <paramref name="live"/> when it is a terminal.</summary>
    public SolveProgressReporter(TextWriter error, bool live)
    {
        this.error = error ?? throw new ArgumentNullException(nameof(error));
        this.live = live;
        var period = live ? LiveRefresh : PlainInterval;
        timer = new Timer(_ => Tick(), null, period, period);
    }

    /// <inheritdoc />
    public void Report(SolveProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            latest = value;
            changed = true;
        }
    }

    /// <summary>Stops reporting and clears the live line, so the final summary starts on a clean line.</summary>
    public void Dispose()
    {
        using (var done = new ManualResetEvent(false))
        {
            if (timer.Dispose(done)) done.WaitOne();
        }

        lock (gate)
        {
            if (stopped) return;
            stopped = true;
            if (live && drawnWidth > 0) error.Write("\r" + new string(' ', drawnWidth) + "\r");
            error.Flush();
        }
    }

    /// <summary>One line on the search so far: best weight, bound, gap, idle gaps, elapsed seconds.</summary>
    public static string Describe(SolveProgress? progress, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (progress is null) return $"{seconds} s: searching for a first schedule";
        var gap = progress.WeightBound <= 0
            ? 0.0
            : 100.0 * (progress.WeightBound - progress.ScheduledWeight) / progress.WeightBound;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{seconds} s: weight {progress.ScheduledWeight} / bound {progress.WeightBound} (gap {gap:0.0}%)");
        if (progress.IdleGaps is { } gaps)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", idle gaps {gaps}");
            if (progress.IdleGapsBound is { } gapBound) text += string.Create(CultureInfo.InvariantCulture, $" / bound {gapBound}");
        }

        return $"{text} [{PhaseWord(progress.Phase)}]";
    }

    /// <summary>The phase as the progress line names it.</summary>
    public static string PhaseWord(SolvePhase phase) => phase switch
    {
        SolvePhase.Weight => "weight",
        SolvePhase.IdleGaps => "idle gaps",
        SolvePhase.Required => "required meetings",
        _ => phase.ToString(),
    };

    private void Tick()
    {
        lock (gate)
        {
            if (stopped) return;
            if (live)
            {
                var line = Describe(latest, clock.Elapsed);
                var padding = drawnWidth > line.Length ? new string(' ', drawnWidth - line.Length) : "";
                error.Write("\r" + line + padding);
                drawnWidth = line.Length;
                error.Flush();
            }
            else if (changed)
            {
                error.WriteLine(Describe(latest, clock.Elapsed));
                error.Flush();
            }

            changed = false;
        }
    }
}
