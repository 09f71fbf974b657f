using System.Text.Json;
using Scheduler.Engine.Files;

namespace Scheduler.Cli.Service;

/// <summary>The answer to <c>POST /v1/solve</c>: the new job's id; its state is at <c>/v1/jobs/{id}</c>.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Status">Always <c>queued</c> for a new job.</param>
internal sealed record JobAccepted(string Id, JobState Status);

/// <summary>The answer to <c>GET /v1/jobs/{id}</c>.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Status">Where the job is.</param>
/// <param name="Submitted">When it was accepted (UTC).</param>
/// <param name="Finished">When it reached a final state (UTC), or absent.</param>
/// <param name="Meetings">Meeting requests in its event.</param>
/// <param name="Progress">The latest progress, absent before the first report.</param>
/// <param name="Schedule">The schedule file (contract v1) once done, or cancelled after it started; else absent.</param>
/// <param name="Error">Why it failed, present only when it did.</param>
internal sealed record JobView(
    string Id,
    JobState Status,
    DateTimeOffset Submitted,
    DateTimeOffset? Finished,
    int Meetings,
    JobProgress? Progress,
    JsonElement? Schedule,
    string? Error)
{
    /// <summary>The view of <paramref name="job"/> now.</summary>
    public static JobView Of(SolveJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var s = job.Snapshot;
        JsonElement? schedule = null;
        if (s.ScheduleJson is not null)
        {
            using var document = JsonDocument.Parse(s.ScheduleJson);
            schedule = document.RootElement.Clone();
        }

        return new JobView(job.Id, s.State, job.Submitted, s.Finished, job.Event.Meetings.Length, s.Progress, schedule, s.Error);
    }
}

/// <summary>One server-sent event of <c>GET /v1/jobs/{id}/events</c>: named <c>progress</c> while the job runs, <c>end</c> last.</summary>
/// <param name="Status">Where the job is.</param>
/// <param name="Progress">The latest progress, absent before the first report.</param>
internal sealed record JobEvent(JobState Status, JobProgress? Progress);

/// <summary>One problem with a request, where it is and what is wrong (the command line's words).</summary>
/// <param name="Path">A JSON path into the body (<c>meetings[3].participants[1]</c>, <c>event.rooms[0]</c>, <c>$</c>), or <c>query.NAME</c>.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record ProblemItem(string Path, string Message)
{
    /// <summary>The item for an engine's <see cref="InputProblem"/>.</summary>
    public static ProblemItem Of(InputProblem problem) => new(problem.Path, problem.Message);
}

/// <summary>One broken hard rule, as <c>scheduler validate</c> prints it.</summary>
/// <param name="Rule">The rule's stable code.</param>
/// <param name="Message">What is broken, naming meetings, people, rooms and local times.</param>
internal sealed record ViolationItem(string Rule, string Message);

/// <summary>The answer to <c>POST /v1/validate</c>.</summary>
/// <param name="Valid">True when no hard rule is broken.</param>
/// <param name="Violations">Every violation, in a deterministic order.</param>
/// <param name="ScheduledWeight">The weight of the assigned meetings, recounted from the event.</param>
/// <param name="IdleGaps">The idle gaps over all participants, recounted.</param>
internal sealed record ValidationAnswer(bool Valid, IReadOnlyList<ViolationItem> Violations, long ScheduledWeight, int IdleGaps);

/// <summary>The answer to <c>POST /v1/check</c>: the event file's input problems (empty when it can be solved).</summary>
/// <param name="Valid">True when the event file has no problem.</param>
/// <param name="Problems">Every problem, in document order, by JSON path.</param>
/// <param name="Meetings">Meeting requests, when the file is valid.</param>
/// <param name="Participants">Participants, when the file is valid.</param>
/// <param name="Rooms">Rooms, when the file is valid.</param>
internal sealed record CheckAnswer(bool Valid, IReadOnlyList<ProblemItem> Problems, int? Meetings, int? Participants, int? Rooms);
