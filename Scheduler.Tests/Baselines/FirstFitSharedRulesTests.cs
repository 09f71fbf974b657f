using Scheduler.Cli.Samples;
using Scheduler.Engine.Baselines;
using Scheduler.Engine.Files;
using Scheduler.Engine.Rules;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Time;

namespace Scheduler.Tests.Baselines;

/// <summary>First fit on the rules the solver's candidates were built with: the same placements, no second computation.</summary>
public sealed class FirstFitSharedRulesTests
{
    [Fact]
    public void First_fit_on_the_solvers_rules_places_exactly_as_on_its_own()
    {
        var ev = EventFile.Parse(SampleEvent.Json).Value!;
        var grid = TimeGrid.Build(ev);
        var rules = new PlacementRules(ev, grid);
        var meetings = CandidateBuilder.Build(rules, RoomPool.Build(rules));

        var shared = FirstFit.Run(rules);
        var alone = FirstFit.Run(ev, grid);

        Assert.Equal(alone.Assignments.ToArray(), shared.Assignments.ToArray());
        Assert.Equal(alone.Unplaced.ToArray(), shared.Unplaced.ToArray());
        Assert.Equal(alone.ScheduledWeight, shared.ScheduledWeight);
        Assert.NotEmpty(shared.Assignments);
        // Every first-fit start is one of the solver's options for that meeting.
        foreach (var a in shared.Assignments)
        {
            var m = meetings.Single(o => o.Meeting.Id == a.Meeting);
            Assert.Contains(m.Options, o => o.Start == grid.SlotStartingAt(a.Start));
        }
    }

    [Fact]
    public void The_allowed_starts_are_computed_once_and_shared()
    {
        var ev = EventFile.Parse(SampleEvent.Json).Value!;
        var rules = new PlacementRules(ev, TimeGrid.Build(ev));

        var first = rules.AllowedStarts(0);

        // The same array, not an equal copy: == on ImmutableArray compares the array it wraps.
        Assert.True(first == rules.AllowedStarts(0));
        Assert.NotEmpty(first);
    }
}
