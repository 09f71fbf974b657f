// The code between "README: begin" and "README: end" is shown verbatim (less its indent) in README.md,
// one csharp block per region in order; EmbeddingTests compiles nothing twice and fails when the two differ.
// README: begin usings
using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
// README: end usings

namespace Scheduler.Tests.Embedding;

/// <summary>The embedding examples of README.md, as code that the tests run.</summary>
public static class ReadmeExample
{
    // README: begin solve
    /// <summary>Reads an event file, solves it, checks the schedule and writes it; returns an exit code as the CLI does.</summary>
    public static int SolveEventFile(string eventPath, string schedulePath, TextWriter log, CancellationToken cancellationToken)
    {
        var read = EventFile.Load(eventPath);
        if (!read.Succeeded)
        {
            // Every mistake in the file at once, each with its path: meetings[3].participants[1]: no participant "ryabkov2"
            foreach (var problem in read.Problems) log.WriteLine($"{eventPath}: {problem}");
            return 2;
        }

        var ev = read.Value!;
        var options = new SolveOptions { TimeLimit = Duration.FromSeconds(10), Seed = 1, Workers = 1 };

        // Cancelling the token stops the search early; Solve still returns the best schedule found so far.
        var result = MeetingScheduler.Solve(ev, options, new LogProgress(log), cancellationToken);

        // The validator checks every hard rule again, independently of the solver.
        var report = ScheduleValidator.Check(ev, result.Schedule);
        if (!report.IsValid) throw new InvalidOperationException(string.Join("\n", report.Violations));

        File.WriteAllText(schedulePath, ScheduleFile.Write(result.Schedule, ev));
        var schedule = result.Schedule;
        log.WriteLine($"{schedule.Status}: weight {schedule.ScheduledWeight}, {schedule.Unscheduled.Length} meetings unscheduled");
        foreach (var meeting in schedule.Unscheduled) log.WriteLine($"  {meeting.Meeting}: {meeting.Reason}");
        return schedule.Status is ScheduleStatus.Optimal or ScheduleStatus.Feasible ? 0 : 1;
    }

    /// <summary>Reports each better schedule as the solver finds it; called on the solver's thread, so it stays short.</summary>
    private sealed class LogProgress(TextWriter log) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value) =>
            log.WriteLine($"{value.Elapsed.TotalSeconds:0.0} s: weight {value.ScheduledWeight} (at most {value.WeightBound})");
    }
    // README: end solve

    // README: begin create
    /// <summary>An event built in code: checked by the rules the file reader applies, or null after logging every problem.</summary>
    public static Event? BuildEvent(TextWriter log)
    {
        var moscow = DateTimeZoneProviders.Tzdb["Europe/Moscow"];
        Instant At(int hour) => new LocalDateTime(2021, 6, 22, hour, 0).InZoneStrictly(moscow).ToInstant();

        var created = Event.Create(
            name: "Bilaterals, 22 June",
            zone: moscow,
            grain: Duration.FromMinutes(15),
            days: [new EventDay(new LocalDate(2021, 6, 22), new LocalTime(9, 0), new LocalTime(13, 0))],
            breaks: [],
            buildings: [],
            travelTimes: [],
            rooms: [new Room("b1", "Bilateral room 1", Building: null, Capacity: 10, Features: ["interpretation"], Unavailable: [])],
            delegations: [new Delegation("un", "United Nations", Precedence: 1)],
            participants:
            [
                new Participant("lacroix", "Jean-Pierre Lacroix", "un", Available: [], Busy: [new Interval(At(9), At(11))], MaxMeetingsPerDay: null),
                new Participant("ryabkov", "Sergei Ryabkov", Delegation: null, Available: [], Busy: [], MaxMeetingsPerDay: 4),
            ],
            meetings:
            [
                new MeetingRequest("un-mfa", "UN DPO - Russian MFA", ["lacroix", "ryabkov"], Duration.FromMinutes(45),
                    Required: true, Weight: 10, Headcount: 8, RequiredFeatures: ["interpretation"], Windows: [], Pin: null, After: []),
            ],
            objective: ScheduleObjective.Default);

        // A mistake is reported as the reader reports it in a file, never thrown later by the solver.
        foreach (var problem in created.Problems) log.WriteLine(problem);
        return created.Value;
    }
    // README: end create
}
