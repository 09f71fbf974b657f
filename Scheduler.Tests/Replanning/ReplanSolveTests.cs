using System.Text.Json.Nodes;
using Scheduler.Engine.Domain;

namespace Scheduler.Tests.Replanning;

public class ReplanSolveTests
{
    private static readonly string[] People = ["h", "a", "b", "c", "d"];

    /// <summary>A host meeting four guests, one room: six half-hour slots for four meetings.</summary>
    private static JsonObject HostDay() => ReplanFixtures.Event(1, People,
        ("h-a", ["h", "a"], 1), ("h-b", ["h", "b"], 1), ("h-c", ["h", "c"], 1), ("h-d", ["h", "d"], 1));

    private static Schedule HostDayPublished(Event ev) => ReplanFixtures.Published(ev,
        ("h-a", "r1", "09:00"), ("h-b", "r1", "09:30"), ("h-c", "r1", "10:00"), ("h-d", "r1", "10:30"));

    [Fact]
    public void A_still_valid_optimal_previous_schedule_comes_back_with_zero_moves_even_with_more_time()
    {
        var ev = ReplanFixtures.Read(ReplanFixtures.Event(2, People,
            ("h-a", ["h", "a"], 3), ("h-b", ["h", "b"], 2), ("a-b", ["a", "b"], 1), ("c-d", ["c", "d"], 4)));
        var published = ReplanFixtures.Solve(ev);
        var replanned = ReplanFixtures.Replan(ev, published, seconds: 10);

        var changes = replanned.Changes!;
        Assert.Empty(changes.Moved);
        Assert.Empty(changes.RoomChanged);
        Assert.Empty(changes.Dropped);
        Assert.Equal(published.Assignments.Length, changes.Kept);
        Assert.Equal(ScheduleStatus.Optimal, replanned.Status);
        Assert.Equal(published.Assignments.Select(a => (a.Meeting, a.Room, a.Start)), replanned.Assignments.Select(a => (a.Meeting, a.Room, a.Start)));
    }

    [Theory]
    [InlineData("09:30", 1)]
    [InlineData("10:00", 2)]
    public void A_disruption_that_forces_exactly_k_moves_yields_k_moves(string busyUntil, int k)
    {
        var before = ReplanFixtures.Read(HostDay());
        var published = HostDayPublished(before);
        var after = ReplanFixtures.Read(HostDay().Busy("h", "09:00", busyUntil));
        var replanned = ReplanFixtures.Replan(after, published);

        Assert.Equal(k, replanned.Changes!.Moved.Length);
        Assert.Empty(replanned.Changes.Dropped);
        Assert.Equal(4 - k, replanned.Changes.Kept);
        Assert.Equal(ScheduleStatus.Optimal, replanned.Status);
        Assert.Equal(4m - k, replanned.ObjectiveValue);
        Assert.Equal(replanned.ObjectiveValue, replanned.ObjectiveBound);
    }

    [Fact]
    public void Frozen_meetings_never_move_even_for_a_heavier_new_request()
    {
        var file = HostDay().Replan(new JsonObject { ["frozenUntil"] = ReplanFixtures.At("10:00") });
        var published = HostDayPublished(ReplanFixtures.Read(file));
        // The new request is worth far more than the frozen h-a, and fits only where h-a is.
        var changed = file.Copy();
        changed["participants"]!.AsArray().Add(new JsonObject { ["id"] = "e" });
        changed["meetings"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "h-e", ["participants"] = new JsonArray("h", "e"), ["durationMinutes"] = 30, ["weight"] = 100,
        });
        changed.Window("h-e", "09:00", "10:00");
        var replanned = ReplanFixtures.Replan(ReplanFixtures.Read(changed), published);

        foreach (var id in new[] { "h-a", "h-b" })
        {
            var was = published.Assignments.Single(a => a.Meeting == id);
            var now = replanned.Assignments.Single(a => a.Meeting == id);
            Assert.Equal((was.Start, was.Room), (now.Start, now.Room));
        }

        Assert.Contains(replanned.Unscheduled, u => u.Meeting == "h-e");
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(3, false)]
    public void A_new_request_that_fits_only_by_moving_one_meeting_is_placed_iff_its_weight_exceeds_the_move_cost(int weight, bool placed)
    {
        var file = ReplanFixtures.Event(1, People, ("h-a", ["h", "a"], 1)).Busy("h", "10:00", "12:00")
            .Replan(new JsonObject { ["moveCost"] = 5, ["dropCost"] = 100 });
        var published = ReplanFixtures.Published(ReplanFixtures.Read(file), ("h-a", "r1", "09:00"));
        var changed = file.Copy();
        changed["meetings"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "h-b", ["participants"] = new JsonArray("h", "b"), ["durationMinutes"] = 30, ["weight"] = weight,
        });
        changed.Window("h-b", "09:00", "09:30");
        var replanned = ReplanFixtures.Replan(ReplanFixtures.Read(changed), published);

        Assert.Equal(placed, replanned.Assignments.Any(a => a.Meeting == "h-b"));
        Assert.Equal(placed ? 1 : 0, replanned.Changes!.Moved.Length);
        Assert.Equal(placed ? ["h-b"] : [], replanned.Changes.Added.ToArray());
        Assert.Equal(ScheduleStatus.Optimal, replanned.Status);
    }

    [Fact]
    public void Withdrawn_meetings_are_reported_and_the_rest_kept()
    {
        var before = ReplanFixtures.Read(HostDay());
        var published = HostDayPublished(before);
        var file = HostDay();
        file["meetings"]!.AsArray().RemoveAt(1);
        var replanned = ReplanFixtures.Replan(ReplanFixtures.Read(file), published);

        Assert.Equal(["h-b"], replanned.Changes!.Withdrawn.ToArray());
        Assert.Equal(3, replanned.Changes.Kept);
        Assert.Empty(replanned.Changes.Moved);
    }

    [Fact]
    public void A_positive_room_change_cost_keeps_the_published_room_exactly()
    {
        // Two interchangeable rooms; the meeting was published in the second one.
        var file = ReplanFixtures.Event(2, People, ("h-a", ["h", "a"], 1)).Replan(new JsonObject { ["roomChangeCost"] = 0.5 });
        var ev = ReplanFixtures.Read(file);
        var published = ReplanFixtures.Published(ev, ("h-a", "r2", "10:00"));
        var replanned = ReplanFixtures.Replan(ev, published);

        Assert.Equal("r2", replanned.Assignments.Single().Room);
        Assert.Equal(1, replanned.Changes!.Kept);
        Assert.Equal(1m, replanned.ObjectiveValue);
    }
}
