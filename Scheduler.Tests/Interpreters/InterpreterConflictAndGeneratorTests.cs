using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Generation;
using Scheduler.Tests.Solving;
using static Scheduler.Tests.Interpreters.InterpreterEvents;

namespace Scheduler.Tests.Interpreters;

/// <summary>Interpreters where required meetings cannot all hold, and in generated conferences.</summary>
public class InterpreterConflictAndGeneratorTests
{
    [Fact]
    public void Two_required_meetings_pinned_together_with_one_interpreter_are_a_no_interpreter_conflict()
    {
        var pin = """, "required": true, "pin": { "start": "2021-06-22T09:00" }""";
        var ev = Build(List(Interpreter("petrova", "ru fr")),
            List(Meeting("a", "ru1 fr1", extra: pin), Meeting("b", "ru2 fr2", extra: pin), Meeting("c", "ru3 fr3")));
        var schedule = MeetingSchedulerRun(ev);
        Assert.Equal(ScheduleStatus.Infeasible, schedule.Status);
        var conflict = Assert.Single(schedule.Conflicts);
        Assert.Equal(["a", "b"], conflict.Meetings.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(ConflictRules.NoInterpreter, conflict.Rule);
        Assert.Single(schedule.Assignments, a => a.Meeting is "a" or "b");
    }

    [Fact]
    public void A_generated_conference_with_interpreters_reads_back_and_solves_validly()
    {
        var plain = ConferenceGenerator.Generate(new ConferenceOptions { Delegates = 40, Requests = 30, Rooms = 4, Days = 1 });
        var ev = ConferenceGenerator.Generate(new ConferenceOptions { Delegates = 40, Requests = 30, Rooms = 4, Days = 1, Interpreters = 5 });
        Assert.Empty(plain.Interpreters);
        Assert.Equal(5, ev.Interpreters.Length);
        Assert.All(ev.Participants, p => Assert.False(p.Languages.IsEmpty));
        // Interpreters change nothing else: the same meetings as without.
        Assert.Equal(plain.Meetings.Select(m => m.Id), ev.Meetings.Select(m => m.Id));
        var again = EventFile.Parse(EventFile.Write(ev));
        Assert.True(again.Succeeded, string.Join("\n", again.Problems));
        Solver.SolveAndValidate(ev, seconds: 3);
    }

    private static Schedule MeetingSchedulerRun(Event ev)
    {
        var schedule = Scheduler.Engine.Solving.MeetingScheduler.Solve(ev, Solver.Options(5)).Schedule;
        Solver.AssertValid(ev, schedule, Scheduler.Engine.Checking.ValidationRules.Required);
        return schedule;
    }
}
