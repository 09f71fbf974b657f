using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;

namespace Scheduler.Cli.Service;

/// <summary>Why a job was not accepted.</summary>
internal enum SubmitRefusal
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>As many jobs wait as allowed (429).</summary>
    QueueFull,

    /// <summary>The service is shutting down (503).</summary>
    ShuttingDown,
}

/// <summary>
/// The jobs the service holds: a bounded queue of waiting jobs, <see cref="ServiceOptions.Runners"/> solvers taking
/// from it, and finished jobs kept for <see cref="ServiceOptions.KeepMinutes"/>. On shutdown every job is cancelled
/// and the solvers are awaited, so each running job's best schedule is stored and readable until the process exits.
/// </summary>
internal sealed partial class JobQueue : BackgroundService
{
    private readonly ServiceOptions options;
    private readonly ILogger<JobQueue> logger;
    private readonly ConcurrentDictionary<string, SolveJob> jobs = new(StringComparer.Ordinal);
    private readonly Channel<SolveJob> waitingJobs = Channel.CreateUnbounded<SolveJob>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly object admission = new();
    private int waiting;
    private bool stopping;

    /// <summary>Creates the queue; nothing runs until the host starts it.</summary>
    public JobQueue(ServiceOptions options, ILogger<JobQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options;
        this.logger = logger;
    }

    /// <summary>Jobs waiting for a solver now.</summary>
    public int Waiting
    {
        get
        {
            lock (admission) return waiting;
        }
    }

    /// <summary>Queues a solve of <paramref name="ev"/>; the job, or null with the reason it was refused.</summary>
    public (SolveJob? Job, SubmitRefusal Refusal) Submit(Event ev, SolveOptions solveOptions)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(solveOptions);
        var job = new SolveJob(NewId(), ev, solveOptions, options.Clock.GetUtcNow());
        lock (admission)
        {
            if (stopping) return (null, SubmitRefusal.ShuttingDown);
            if (waiting >= options.MaxWaitingJobs) return (null, SubmitRefusal.QueueFull);
            waiting++;
            jobs[job.Id] = job;
            waitingJobs.Writer.TryWrite(job);
        }

        return (job, SubmitRefusal.None);
    }

    /// <summary>The job with <paramref name="id"/>, or null when there is none (never was, or dropped after keeping).</summary>
    public SolveJob? Find(string id) => jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>
    /// Cancels <paramref name="job"/>: a waiting job ends at once without a schedule; a running one stops its search
    /// and keeps its best schedule so far. A finished job is left as it is.
    /// </summary>
    public void Cancel(SolveJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.TryCancelQueued(options.Clock.GetUtcNow()))
        {
            lock (admission) waiting--;
            LogJob(job, null);
            return;
        }

        try
        {
            job.Cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Dropped after keeping while the caller held it: nothing left to stop.
        }
    }

    /// <summary>Drops finished jobs older than the keeping time, as of <paramref name="now"/>; returns how many.</summary>
    public int Sweep(DateTimeOffset now)
    {
        var keep = TimeSpan.FromMinutes(options.KeepMinutes);
        var dropped = 0;
        foreach (var (id, job) in jobs)
        {
            if (job.Snapshot.Finished is { } finished && now - finished >= keep && jobs.TryRemove(id, out _))
            {
                job.Dispose();
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>Stops taking jobs and cancels every waiting and running one (called when the host begins to stop).</summary>
    public void CancelAll()
    {
        lock (admission) stopping = true;
        foreach (var job in jobs.Values) Cancel(job);
        waitingJobs.Writer.TryComplete();
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        CancelAll();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runners = Enumerable.Range(0, options.Runners).Select(_ => RunJobs()).ToList();
        runners.Add(SweepPeriodically(stoppingToken));
        return Task.WhenAll(runners);
    }

    /// <summary>
    /// One solver: a thread of its own for the service's life, since each solve is synchronous and CPU-bound and would
    /// hold a pool thread for seconds. Reusing the thread also lets the native solver reuse its memory arena instead
    /// of growing a new one per job.
    /// </summary>
    private Task RunJobs() => Task.Factory.StartNew(() =>
    {
        // Ends when CancelAll completes the channel; a solve in progress is cancelled by then and finishes first.
        var reader = waitingJobs.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var job))
            {
                if (!job.TryStart()) continue;
                lock (admission) waiting--;
                Run(job);
            }
        }
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(SolveJob job)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = MeetingScheduler.Solve(job.Event, job.Options, job, job.Cancellation.Token);
            var schedule = result.Schedule;
            // The engine's schedules are served only after the independent validator accepts them.
            var report = ScheduleValidator.Check(job.Event, schedule);
            if (!report.IsValid)
            {
                var count = report.Violations.Length;
                job.Fail($"internal error: the engine produced a schedule that breaks {count} hard rule{(count == 1 ? "" : "s")} "
                    + $"(a bug; please report it with the event file): {report.Violations[0]}", options.Clock.GetUtcNow());
                LogJob(job, schedule);
                return;
            }

            job.Complete(schedule, ScheduleFile.Write(schedule, job.Event), clock.Elapsed.TotalSeconds, options.Clock.GetUtcNow());
            LogJob(job, schedule);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            job.Fail($"internal error: {e.Message} (a bug; please report it with the event file)", options.Clock.GetUtcNow());
            JobCrashed(logger, e, job.Id);
            LogJob(job, null);
        }
    }

    private async Task SweepPeriodically(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromMinutes(Math.Clamp(options.KeepMinutes / 4, 1.0 / 60, 1));
        using var timer = new PeriodicTimer(period, options.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false)) Sweep(options.Clock.GetUtcNow());
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    private void LogJob(SolveJob job, Schedule? schedule)
    {
        var snapshot = job.Snapshot;
        var seconds = snapshot.Progress?.Seconds ?? 0;
        // A failed job is a bug in the engine: an error, so it stands out among the jobs' lines.
        var level = snapshot.State == JobState.Failed ? LogLevel.Error : LogLevel.Information;
        JobFinished(logger, level, job.Id, job.Event.Meetings.Length, snapshot.State.ToString().ToLowerInvariant(),
            schedule is null ? "none" : schedule.Status.ToString().ToLowerInvariant(),
            schedule?.ScheduledWeight ?? 0, schedule?.WeightBound, Math.Round(seconds, 2));
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [LoggerMessage(EventId = 1,
        Message = "job {JobId}: {Meetings} meetings, {Status}, schedule {ScheduleStatus}, weight {Weight}, bound {Bound}, {Seconds} s")]
    private static partial void JobFinished(ILogger logger, LogLevel level, string jobId, int meetings, string status, string scheduleStatus,
        long weight, long? bound, double seconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "job {JobId}: the engine failed")]
    private static partial void JobCrashed(ILogger logger, Exception exception, string jobId);
}
