using Scheduler.Engine.Domain;
using Scheduler.Tests.Checking;
using static Scheduler.Tests.Solving.Conflicts.ConflictChecks;

namespace Scheduler.Tests.Solving.Conflicts;

/// <summary>Tiny events whose minimal conflict is known by hand: the set, its rule and its sentence.</summary>
public sealed class ConflictFinderTests
{
    /// <summary>Moscow, 30-minute grain, one day 09:00 until <paramref name="close"/>, three rooms.</summary>
    private static TestEvent Morning(string close = "10:00") =>
        new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", close).Room("r1").Room("r2").Room("r3");

    [Fact]
    public void Three_required_meetings_of_one_person_in_two_free_slots_are_the_conflict_and_an_unrelated_one_is_not()
    {
        var ev = Morning()
            .Person("a", name: "Anna Petrova")
            .Meeting("ab", 30, ["a", "b"], m => m.Required())
            .Meeting("ac", 30, ["a", "c"], m => m.Required())
            .Meeting("ad", 30, ["a", "d"], m => m.Required())
            .Meeting("ef", 30, ["e", "f"], m => m.Required())
            .Meeting("ag", 30, ["a", "g"], m => m.Weight(50))
            .Build();

        var s = SolveInfeasible(ev);

        var conflict = Assert.Single(s.Conflicts);
        Assert.Equal(["ab", "ac", "ad"], conflict.Meetings.ToArray());
        Assert.Equal(ConflictRules.ParticipantOverlap, conflict.Rule);
        Assert.Equal("Anna Petrova has 1 hour free on 22 June when these 3 required meetings can be held, and they need 1 hour 30 minutes",
            conflict.Explanation);
        Assert.Contains("ef", s.Assignments.Select(a => a.Meeting));
        AssertMinimal(ev, conflict);
    }

    [Fact]
    public void A_daily_limit_below_the_required_meetings_on_the_only_day_is_a_daily_limit_conflict()
    {
        var ev = Morning("13:00")
            .Person("a", name: "Anna Petrova", maxPerDay: 2)
            .Meeting("ab", 30, ["a", "b"], m => m.Required())
            .Meeting("ac", 30, ["a", "c"], m => m.Required())
            .Meeting("ad", 30, ["a", "d"], m => m.Required())
            .Build();

        var conflict = Assert.Single(SolveInfeasible(ev).Conflicts);

        Assert.Equal(["ab", "ac", "ad"], conflict.Meetings.ToArray());
        Assert.Equal(ConflictRules.DailyLimit, conflict.Rule);
        Assert.Equal("Anna Petrova may have at most 2 meetings a day, and these 3 required meetings can only be held on 22 June", conflict.Explanation);
        AssertMinimal(ev, conflict);
    }

    [Fact]
    public void Meetings_of_different_people_competing_for_one_room_are_a_room_capacity_conflict()
    {
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "10:00").Room("r1", name: "Room 1")
            .Meeting("ab", 30, ["a", "b"], m => m.Required())
            .Meeting("cd", 30, ["c", "d"], m => m.Required())
            .Meeting("ef", 30, ["e", "f"], m => m.Required())
            .Build();

        var conflict = Assert.Single(SolveInfeasible(ev).Conflicts);

        Assert.Equal(["ab", "cd", "ef"], conflict.Meetings.ToArray());
        Assert.Equal(ConflictRules.RoomCapacity, conflict.Rule);
        Assert.Equal("The room that suits these 3 required meetings (\"Room 1\") has 1 hour of room time free on 22 June when they can be held, and they need 1 hour 30 minutes",
            conflict.Explanation);
        AssertMinimal(ev, conflict);
    }

    [Fact]
    public void Back_to_back_meetings_in_two_buildings_far_apart_are_a_travel_conflict()
    {
        var ev = new TestEvent("Europe/Moscow", 30).Day("2021-06-22", "09:00", "10:00")
            .Building("congress", "Congress Centre").Building("hotel", "Hotel").Travel("congress", "hotel", 30)
            .Room("c1", capacity: 2, building: "congress", features: ["secure"]).Room("h1", building: "hotel")
            .Person("a", name: "Anna Petrova")
            .Meeting("ab", 30, ["a", "b"], m => m.Required().Features("secure"))
            .Meeting("ac", 30, ["a", "c"], m => m.Required().Headcount(3))
            .Build();

        var conflict = Assert.Single(SolveInfeasible(ev).Conflicts);

        Assert.Equal(["ab", "ac"], conflict.Meetings.ToArray());
        Assert.Equal(ConflictRules.Travel, conflict.Rule);
        Assert.Equal("Anna Petrova needs 30 minutes to travel between \"Congress Centre\" and \"Hotel\", and the times these 2 required meetings can be held leave no room for it",
            conflict.Explanation);
        AssertMinimal(ev, conflict);
    }

    [Fact]
    public void An_after_order_against_the_windows_is_an_after_order_conflict()
    {
        var ev = Morning("11:00")
            .Meeting("first", 30, ["a", "b"], m => m.Required().Title("Opening").Window("2021-06-22T10:00", "2021-06-22T11:00"))
            .Meeting("second", 30, ["c", "d"], m => m.Required().Title("Follow-up").After("first").Window("2021-06-22T09:00", "2021-06-22T10:00"))
            .Build();

        var conflict = Assert.Single(SolveInfeasible(ev).Conflicts);

        Assert.Equal(["first", "second"], conflict.Meetings.ToArray());
        Assert.Equal(ConflictRules.AfterOrder, conflict.Rule);
        Assert.Equal("\"Follow-up\" must start after \"Opening\" ends, and the times these 2 required meetings can be held allow no such order", conflict.Explanation);
        AssertMinimal(ev, conflict);
    }

    [Fact]
    public void Two_separate_clashes_are_two_disjoint_conflicts()
    {
        var ev = Morning()
            .Meeting("ab", 30, ["a", "b"], m => m.Required())
            .Meeting("ac", 30, ["a", "c"], m => m.Required())
            .Meeting("ad", 30, ["a", "d"], m => m.Required())
            .Meeting("xy", 60, ["x", "y"], m => m.Required())
            .Meeting("xz", 30, ["x", "z"], m => m.Required())
            .Build();

        var s = SolveInfeasible(ev);

        Assert.Equal(2, s.Conflicts.Length);
        Assert.Equal([["ab", "ac", "ad"], ["xy", "xz"]], s.Conflicts.Select(c => c.Meetings.ToArray()).OrderBy(m => m[0]).ToArray());
        Assert.All(s.Conflicts, c => Assert.Equal(ConflictRules.ParticipantOverlap, c.Rule));
        foreach (var c in s.Conflicts) AssertMinimal(ev, c);
    }

    [Fact]
    public void A_required_meeting_whose_participant_is_busy_all_day_is_a_conflict_by_itself()
    {
        var ev = Morning()
            .Person("b", name: "Bea Larsen", busy: [("2021-06-22T08:00", "2021-06-22T12:00")])
            .Meeting("ab", 30, ["a", "b"], m => m.Required().Title("Anna - Bea"))
            .Meeting("cd", 30, ["c", "d"], m => m.Required())
            .Build();

        var conflict = Assert.Single(SolveInfeasible(ev).Conflicts);

        Assert.Equal(["ab"], conflict.Meetings.ToArray());
        Assert.Equal(ConflictRules.Busy, conflict.Rule);
        Assert.Equal("The required meeting \"Anna - Bea\" has no possible time: Bea Larsen is busy 2021-06-22 08:00–12:00, which leaves no 30-minute time for it",
            conflict.Explanation);
    }

    [Fact]
    public void A_required_meeting_no_room_seats_is_a_no_room_conflict()
    {
        var ev = Morning()
            .Meeting("big", 30, ["a", "b"], m => m.Required().Headcount(40).Title("Plenary"))
            .Build();

        var conflict = Assert.Single(SolveInfeasible(ev).Conflicts);

        Assert.Equal(ConflictRules.NoRoomFits, conflict.Rule);
        Assert.Equal("The required meeting \"Plenary\" has no possible time: no room seats its 40 people (the largest seats 10)", conflict.Explanation);
    }

    [Fact]
    public void A_required_meeting_outside_its_participants_availability_names_it()
    {
        var ev = Morning()
            .Person("b", name: "Bea Larsen", available: [("2021-06-23T09:00", "2021-06-23T12:00")])
            .Meeting("ab", 30, ["a", "b"], m => m.Required())
            .Build();

        var conflict = Assert.Single(SolveInfeasible(ev).Conflicts);

        Assert.Equal(ConflictRules.OutsideAvailability, conflict.Rule);
        Assert.Contains("Bea Larsen is available only 2021-06-23 09:00–12:00", conflict.Explanation);
    }

    [Fact]
    public void Two_required_meetings_pinned_at_the_same_time_for_one_person_clash_and_an_optional_pin_takes_no_part()
    {
        var ev = Morning()
            .Person("a", name: "Anna Petrova")
            .Meeting("ab", 30, ["a", "b"], m => m.Required().Pin("2021-06-22T09:00"))
            .Meeting("ac", 30, ["a", "c"], m => m.Required().Pin("2021-06-22T09:00"))
            .Meeting("ad", 30, ["a", "d"], m => m.Pin("2021-06-22T09:00").Weight(100))
            .Build();

        var conflict = Assert.Single(SolveInfeasible(ev).Conflicts);

        Assert.Equal(["ab", "ac"], conflict.Meetings.ToArray());
        Assert.Equal(ConflictRules.ParticipantOverlap, conflict.Rule);
        Assert.Equal("Anna Petrova has 30 minutes free on 22 June when these 2 required meetings can be held, and they need 1 hour", conflict.Explanation);
        AssertMinimal(ev, conflict);
    }

    [Fact]
    public void A_gap_the_spread_cap_cannot_allow_is_an_idle_gap_spread_conflict()
    {
        var ev = Morning("11:00").Objective(maxIdleGapSpread: 0)
            .Meeting("early", 30, ["a", "b"], m => m.Required().Pin("2021-06-22T09:00"))
            .Meeting("late", 30, ["a", "c"], m => m.Required().Pin("2021-06-22T10:00"))
            .Meeting("other", 30, ["d", "e"], m => m.Required())
            .Build();

        var conflict = Assert.Single(SolveInfeasible(ev).Conflicts);

        Assert.Equal(["early", "late"], conflict.Meetings.ToArray());
        Assert.Equal(ConflictRules.IdleGapSpread, conflict.Rule);
        Assert.Equal("The objective lets participants' idle gaps differ by at most 0, which no schedule of these 2 required meetings keeps", conflict.Explanation);
        AssertMinimal(ev, conflict);
    }

    [Fact]
    public void A_required_meeting_without_any_time_and_a_clash_elsewhere_are_both_reported()
    {
        var ev = Morning()
            .Meeting("nowhere", 30, ["x", "y"], m => m.Required().Headcount(40))
            .Meeting("ab", 30, ["a", "b"], m => m.Required())
            .Meeting("ac", 30, ["a", "c"], m => m.Required())
            .Meeting("ad", 30, ["a", "d"], m => m.Required())
            .Build();

        var s = SolveInfeasible(ev);

        Assert.Equal([["nowhere"], ["ab", "ac", "ad"]], s.Conflicts.Select(c => c.Meetings.ToArray()).ToArray());
        Assert.Equal([ConflictRules.NoRoomFits, ConflictRules.ParticipantOverlap], s.Conflicts.Select(c => c.Rule).ToArray());
    }

    [Fact]
    public void A_cancelled_search_still_reports_the_meetings_without_any_time_but_searches_no_clash()
    {
        var ev = Morning()
            .Meeting("nowhere", 30, ["x", "y"], m => m.Required().Headcount(40))
            .Meeting("ab", 30, ["a", "b"], m => m.Required())
            .Meeting("ac", 30, ["a", "c"], m => m.Required())
            .Meeting("ad", 30, ["a", "d"], m => m.Required())
            .Build();
        var grid = Scheduler.Engine.Time.TimeGrid.Build(ev);
        var pools = Scheduler.Engine.Solving.RoomPool.Build(ev, grid);
        var meetings = Scheduler.Engine.Solving.CandidateBuilder.Build(ev, grid, pools);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var conflicts = Scheduler.Engine.Solving.Conflicts.ConflictFinder.Find(ev, grid, pools, meetings, NodaTime.Duration.FromSeconds(10), cancelled.Token);

        Assert.Equal(["nowhere"], Assert.Single(conflicts).Meetings.ToArray());
    }

    [Fact]
    public void A_feasible_event_has_no_conflicts()
    {
        var ev = Morning()
            .Meeting("ab", 30, ["a", "b"], m => m.Required())
            .Meeting("ac", 30, ["a", "c"], m => m.Required())
            .Build();

        var s = Solver.SolveAndValidate(ev);

        Assert.Equal(ScheduleStatus.Optimal, s.Status);
        Assert.Empty(s.Conflicts);
    }
}
