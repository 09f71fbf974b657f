using Scheduler.Engine.Domain;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Bounds;
using static Scheduler.Tests.Interpreters.InterpreterEvents;

namespace Scheduler.Tests.Interpreters;

/// <summary>
/// The LP relaxation's interpreter rows (Hall's condition per slot): valid against exhaustion,
/// and what makes the bound see an interpreter who cannot be in two meetings at once.
/// </summary>
public class InterpreterLpBoundTests
{
    private static long? Bound(Event ev, bool withInterpreters)
    {
        var problem = SchedulingProblem.Build(ev);
        return LpBound.Solve(ev, problem.Grid, problem.Pools, problem.Meetings, NodaTime.Duration.FromSeconds(60),
            rules: withInterpreters ? problem.Rules : null).Bound;
    }

    [Theory]
    [MemberData(nameof(InterpreterBruteForceTests.Seeds), MemberType = typeof(InterpreterBruteForceTests))]
    public void The_bound_with_interpreter_rows_is_at_least_the_weight_of_exhaustion(int seed)
    {
        var ev = InterpreterBruteForceTests.RandomEvent(seed);
        long best = InterpreterBruteForceTests.Exhaust(ev);

        long? bound = Bound(ev, withInterpreters: true);

        Assert.InRange(bound!.Value, best, Bound(ev, withInterpreters: false)!.Value);
    }

    [Fact]
    public void Two_meetings_one_interpreter_can_cover_at_the_same_slot_count_once()
    {
        var ev = Build(List(Interpreter("i1", "ru fr")), List(Meeting("a", "ru1 fr1", weight: 3), Meeting("b", "ru2 fr2", weight: 2)),
            change: root => root["event"]!["days"]![0]!["end"] = "09:30");

        Assert.Equal(5, Bound(ev, withInterpreters: false));
        Assert.Equal(3, Bound(ev, withInterpreters: true));
    }
}
