using System.Text.Json.Nodes;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;

namespace Scheduler.Tests.Replanning;

/// <summary>The validator's replanning rules catch what a wrong replan would get wrong.</summary>
public class ReplanValidatorTests
{
    private static readonly string[] People = ["h", "a", "b"];

    private static (Event Ev, Schedule Published, Schedule Replanned) Frozen()
    {
        var file = ReplanFixtures.Event(2, People, ("h-a", ["h", "a"], 1), ("h-b", ["h", "b"], 1), ("a-b", ["a", "b"], 1))
            .Replan(new JsonObject { ["frozenUntil"] = ReplanFixtures.At("10:00"), ["moveCost"] = 2 });
        var ev = ReplanFixtures.Read(file);
        var published = ReplanFixtures.Published(ev, ("h-a", "r1", "09:00"), ("h-b", "r1", "10:00"), ("a-b", "r1", "10:30"));
        return (ev, published, ReplanFixtures.Replan(ev, published));
    }

    private static IEnumerable<string> Rules(Event ev, Schedule published, Schedule schedule) =>
        ScheduleValidator.CheckReplan(ev, published, schedule).Violations.Select(v => v.Rule);

    [Fact]
    public void A_moved_frozen_meeting_is_a_frozen_violation()
    {
        var (ev, published, replanned) = Frozen();
        var moved = replanned with
        {
            Assignments = [.. replanned.Assignments.Select(a => a.Meeting == "h-a" ? a with { Room = "r2" } : a)],
        };
        Assert.Contains(ValidationRules.Frozen, Rules(ev, published, moved));
    }

    [Fact]
    public void A_meeting_placed_before_frozen_until_is_a_frozen_violation()
    {
        var (ev, published, replanned) = Frozen();
        var early = replanned with
        {
            Assignments = [.. replanned.Assignments.Select(a => a.Meeting == "a-b" ? a with { Start = ReplanFixtures.TimeText("09:00", ev), End = ReplanFixtures.TimeText("09:30", ev), Room = "r2" } : a)],
        };
        Assert.Contains(ValidationRules.Frozen, Rules(ev, published, early));
    }

    [Fact]
    public void Changes_that_miss_a_move_and_a_wrong_objective_are_violations()
    {
        var (ev, published, replanned) = Frozen();
        Assert.Empty(Rules(ev, published, replanned));
        var hidden = replanned with
        {
            Assignments = [.. replanned.Assignments.Select(a => a.Meeting == "a-b" ? a with { Start = ReplanFixtures.TimeText("11:00", ev), End = ReplanFixtures.TimeText("11:30", ev) } : a)],
            ObjectiveValue = replanned.ObjectiveValue + 1,
        };
        var rules = Rules(ev, published, hidden).ToList();
        Assert.Contains(ValidationRules.ChangesMismatch, rules);
        Assert.Contains(ValidationRules.ObjectiveMismatch, rules);
        Assert.Contains(ValidationRules.ChangesMismatch, Rules(ev, published, replanned with { Changes = null }));
    }
}
