using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;

namespace Scheduler.Cli.Service;

/// <summary>Where a solve job is in its life. Only <see cref="Queued"/> and <see cref="Running"/> can still change.</summary>
internal enum JobState
{
    /// <summary>Accepted and waiting for a solver.</summary>
    Queued,

    /// <summary>Being solved; progress is reported on each improving schedule.</summary>
    Running,

    /// <summary>Solved within its time limit; the schedule is readable.</summary>
    Done,

    /// <summary>The engine failed (a bug, reported in the job's error); no schedule.</summary>
    Failed,

    /// <summary>Cancelled by a caller or by the service shutting down; the best schedule so far is kept when it had started.</summary>
    Cancelled,
}

/// <summary>How far a job's search has come, in the schedule file's terms.</summary>
/// <param name="Phase">What the search is doing: <c>weight</c>, <c>idle gaps</c>, <c>required meetings</c>, or <c>finished</c>.</param>
/// <param name="ScheduledWeight">Weight of the best schedule so far.</param>
/// <param name="WeightBound">Proven upper bound on the weight, or null when none is known.</param>
/// <param name="IdleGaps">Idle gaps of the best schedule so far, or null before the idle-gap phase.</param>
/// <param name="IdleGapsBound">Proven lower bound on the idle gaps at that weight, or null.</param>
/// <param name="Seconds">Seconds since the solve started (wall clock).</param>
internal sealed record JobProgress(string Phase, long ScheduledWeight, long? WeightBound, int? IdleGaps, int? IdleGapsBound, double Seconds);

/// <summary>A consistent view of a job at one moment.</summary>
/// <param name="Version">Grows by one on every change, so a watcher can tell whether it has seen this state.</param>
/// <param name="State">Where the job is.</param>
/// <param name="Progress">The latest progress, or null before the first report.</param>
/// <param name="ScheduleJson">The schedule file's text once the job is done or was cancelled while running; else null.</param>
/// <param name="Error">Why the job failed, or null.</param>
/// <param name="Finished">When the job reached a final state, or null while it can still change.</param>
internal sealed record JobSnapshot(long Version, JobState State, JobProgress? Progress, string? ScheduleJson, string? Error, DateTimeOffset? Finished)
{
    /// <summary>True once the job can no longer change.</summary>
    public bool IsFinal => State is JobState.Done or JobState.Failed or JobState.Cancelled;
}

/// <summary>
/// One solve request and everything the service knows about it. Thread-safe: the solver's thread reports progress
/// while request threads read snapshots and wait for changes.
/// </summary>
internal sealed class SolveJob : IProgress<SolveProgress>, IDisposable
{
    private readonly object gate = new();
    private JobSnapshot snapshot = new(0, JobState.Queued, null, null, null, null);
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates a queued job.</summary>
    public SolveJob(string id, Event ev, SolveOptions options, DateTimeOffset submitted)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(options);
        Id = id;
        Event = ev;
        Options = options;
        Submitted = submitted;
    }

    /// <summary>The job's id, unguessable, as used in <c>/v1/jobs/{id}</c>.</summary>
    public string Id { get; }

    /// <summary>The event to solve.</summary>
    public Event Event { get; }

    /// <summary>The solve's limits, seed and workers.</summary>
    public SolveOptions Options { get; }

    /// <summary>When the job was accepted.</summary>
    public DateTimeOffset Submitted { get; }

    /// <summary>Cancelled to stop the search; the solver then returns its best schedule so far.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>The job as it is now.</summary>
    public JobSnapshot Snapshot
    {
        get
        {
            lock (gate) return snapshot;
        }
    }

    /// <summary>The job as it is now and a task that completes at its next change, read together so no change is missed.</summary>
    public (JobSnapshot Snapshot, Task NextChange) Watch()
    {
        lock (gate) return (snapshot, changed.Task);
    }

    /// <summary>Moves a queued job to running; false when it was cancelled while it waited.</summary>
    public bool TryStart() => Change(s => s.State == JobState.Queued ? s with { State = JobState.Running } : null);

    /// <summary>Cancels a job that has not started yet; false when it has (then cancel <see cref="Cancellation"/>).</summary>
    public bool TryCancelQueued(DateTimeOffset now) =>
        Change(s => s.State == JobState.Queued ? s with { State = JobState.Cancelled, Finished = now } : null);

    /// <summary>Records a report of the running search (called on the solver's thread).</summary>
    public void Report(SolveProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var progress = new JobProgress(Rendering.SolveProgressReporter.PhaseWord(value.Phase), value.ScheduledWeight, value.WeightBound, value.IdleGaps, value.IdleGapsBound,
            value.Elapsed.TotalSeconds);
        Change(s => s.State == JobState.Running ? s with { Progress = progress } : null);
    }

    /// <summary>Ends a running job with its schedule: done, or cancelled when the search was stopped early.</summary>
    public void Complete(Schedule schedule, string scheduleJson, double seconds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(scheduleJson);
        var state = Cancellation.IsCancellationRequested ? JobState.Cancelled : JobState.Done;
        // The final figures come from the schedule itself, so a job solved before any report still shows progress.
        var progress = new JobProgress("finished", schedule.ScheduledWeight, schedule.WeightBound, schedule.IdleGaps,
            schedule.IdleGapsBound, seconds);
        Change(s => s.State == JobState.Running
            ? s with { State = state, Progress = progress, ScheduleJson = scheduleJson, Finished = now }
            : null);
    }

    /// <summary>Ends a running job without a schedule.</summary>
    public void Fail(string error, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        Change(s => s.State == JobState.Running ? s with { State = JobState.Failed, Error = error, Finished = now } : null);
    }

    /// <inheritdoc />
    public void Dispose() => Cancellation.Dispose();

    private bool Change(Func<JobSnapshot, JobSnapshot?> next)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            var updated = next(snapshot);
            if (updated is null) return false;
            snapshot = updated with { Version = snapshot.Version + 1 };
            signal = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.SetResult();
        return true;
    }
}
