using Scheduler.Engine.Solving;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Replanning;

/// <summary>The replan's greedy starting schedule (<see cref="ReplanHint"/>) where a plain greedy would leave a required meeting out.</summary>
public class ReplanHintTests
{
    [Fact]
    public void A_displaced_required_meeting_takes_the_room_of_a_meeting_that_is_not_required()
    {
        // One room, full all morning. p1 loses 09:00-10:00, so the required r must move, and every other start is taken:
        // r takes one, and the meeting it ejects gets the 09:00 that r left.
        string[] people = ["p1", "p2", "q1", "q2", "q3", "q4", "q5", "q6"];
        var file = ReplanFixtures.Event(1, people, ("r", ["p1", "p2"], 1), ("a", ["q1", "q2"], 3), ("b", ["q3", "q4"], 3), ("c", ["q5", "q6"], 3),
            ("d", ["q1", "q3"], 3), ("e", ["q2", "q4"], 3));
        ReplanFixtures.Meeting(file, "r")["required"] = true;
        var before = ReplanFixtures.Read(file);
        var published = ReplanFixtures.Published(before, ("r", "r1", "09:00"), ("a", "r1", "09:30"), ("b", "r1", "10:00"), ("c", "r1", "10:30"),
            ("d", "r1", "11:00"), ("e", "r1", "11:30"));
        var after = ReplanFixtures.Read(file.Copy().Busy("p1", "09:00", "10:00"));
        var previous = PublishedSchedule.Check(after, published).Value!;
        var problem = SchedulingProblem.Build(previous.SolverEvent(), previous.RoomsToKeepApart());

        var hint = ReplanHint.Build(problem, new ReplanObjective(problem, previous));

        int r = problem.Meetings.Single(m => m.Meeting.Id == "r").Index;
        Assert.Contains(hint, p => p.Meeting == r);
        AssertValid(problem.Event, ScheduleOf(problem, hint));
        Assert.Equal(6, hint.Count);
        // No two meetings share the one room at once.
        Assert.Equal(hint.Count, hint.Select(p => p.Start).Distinct().Count());
    }
}
