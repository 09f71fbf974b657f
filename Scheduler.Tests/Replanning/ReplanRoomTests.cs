using System.Text.Json.Nodes;
using Scheduler.Engine.Solving;

namespace Scheduler.Tests.Replanning;

/// <summary>Rooms in a replan when changing room costs nothing: kept where the pools allow.</summary>
public class ReplanRoomTests
{
    private static readonly string[] People = ["h", "a", "b"];

    [Fact]
    public void With_free_room_changes_a_meeting_kept_at_its_start_keeps_its_room_among_identical_rooms()
    {
        var ev = ReplanFixtures.Read(ReplanFixtures.Event(3, People, ("h-a", ["h", "a"], 1), ("a-b", ["a", "b"], 1)));
        var published = ReplanFixtures.Published(ev, ("h-a", "r3", "10:00"), ("a-b", "r2", "11:00"));
        var replanned = ReplanFixtures.Replan(ev, published);

        Assert.Equal(2, replanned.Changes!.Kept);
        Assert.Equal(["r2", "r3"], replanned.Assignments.Select(a => a.Room).Order().ToArray());
    }

    [Fact]
    public void A_meeting_swapped_into_another_pool_at_its_published_start_goes_back_when_its_pool_has_room()
    {
        // r1 seats 10, r2 seats 20: two pools, both suit the meeting.
        var file = ReplanFixtures.Event(2, People, ("h-a", ["h", "a"], 1));
        file["rooms"]![1]!["capacity"] = 20;
        var ev = ReplanFixtures.Read(file);
        var published = PublishedSchedule.Check(ev, ReplanFixtures.Published(ev, ("h-a", "r1", "10:00"))).Value!;
        var problem = SchedulingProblem.Build(published.SolverEvent(), published.RoomsToKeepApart());
        var objective = new ReplanObjective(ModelBuilder.Build(problem, ModelScope.Hard), published);
        var (_, slot, home) = Assert.Single(objective.Published);
        var other = problem.Pools.Single(p => p.Index != home).Index;

        var restored = PublishedPools.Restore(problem, objective, [new Placement(0, slot!.Value, 1, other)]);

        Assert.Equal(home, Assert.Single(restored).Pool);
    }
}
