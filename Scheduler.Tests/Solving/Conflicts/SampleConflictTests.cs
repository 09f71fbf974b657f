using System.Collections.Immutable;
using NodaTime;
using Scheduler.Cli.Samples;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Solving.Conflicts;
using Scheduler.Engine.Time;
using static Scheduler.Tests.Solving.Conflicts.ConflictChecks;

namespace Scheduler.Tests.Solving.Conflicts;

/// <summary>The embedded Moscow sample with three more required meetings for Lavrov than one afternoon can hold.</summary>
public sealed class SampleConflictTests
{
    private static readonly string[] Extra = ["lavrov-armenia-extra", "lavrov-brazil-extra", "lavrov-iran-extra"];

    /// <summary>The sample plus three 45-minute required meetings for Lavrov, all inside 22 June 14:00–15:30.</summary>
    private static Event Overbooked()
    {
        var ev = EventFile.Parse(SampleEvent.Json).Value!;
        var window = new Interval(At(ev, 14, 0), At(ev, 15, 30));
        var extra = new[] { "mod-armenia", "mod-brazil", "mod-iran" }.Select((guest, k) => new MeetingRequest(
            Extra[k], $"Lavrov - {guest} (extra)", ["lavrov", guest], Duration.FromMinutes(45), Required: true, Weight: 1,
            Headcount: 2, ["interpretation"], [window], Pin: null, After: []));
        return new Event(ev.Name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, ev.TravelTimes, ev.Rooms,
            ev.Delegations, ev.Participants, [.. ev.Meetings, .. extra], ev.Objective, ev.Interpreters);
    }

    private static Instant At(Event ev, int hour, int minute) =>
        new LocalDateTime(2021, 6, 22, hour, minute).InZoneStrictly(ev.Zone).ToInstant();

    [Fact]
    public void Three_extra_required_meetings_for_Lavrov_in_one_afternoon_are_a_minimal_conflict()
    {
        var ev = Overbooked();
        var grid = TimeGrid.Build(ev);
        var pools = RoomPool.Build(ev, grid);
        var meetings = CandidateBuilder.Build(ev, grid, pools);

        var conflicts = ConflictFinder.Find(ev, grid, pools, meetings, Duration.FromSeconds(20), CancellationToken.None);

        var conflict = Assert.Single(conflicts);
        Assert.Equal(Extra, conflict.Meetings.ToArray());
        Assert.Equal(ConflictRules.ParticipantOverlap, conflict.Rule);
        Assert.Equal("Sergey Lavrov, Minister of Foreign Affairs has 1 hour 30 minutes free on 22 June when these 3 required meetings " +
            "can be held, and they need 2 hours 15 minutes", conflict.Explanation);
        AssertMinimal(ev, conflict, onlyThese: true);
    }

    [Fact]
    public void Solving_the_overbooked_sample_reports_the_conflict_with_the_largest_valid_part()
    {
        var ev = Overbooked();

        var schedule = SolveInfeasible(ev, seconds: 30);

        var conflict = Assert.Single(schedule.Conflicts);
        Assert.Equal(Extra, conflict.Meetings.ToArray());
        Assert.True(conflict.Minimal);
        Assert.Equal(2, schedule.Assignments.Count(a => Extra.Contains(a.Meeting)));
    }
}
