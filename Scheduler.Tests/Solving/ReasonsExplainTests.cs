using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Rules;
using Scheduler.Engine.Solving;
using Scheduler.Engine.Time;
using static Scheduler.Tests.Solving.RoomAndPeopleRuleTests;

namespace Scheduler.Tests.Solving;

/// <summary>
/// The codes that depend on how the search ended rather than on the event, asked of the reasons directly with a
/// given schedule (no solver runs here, so there is no solver output to validate).
/// </summary>
public sealed class ReasonsExplainTests
{
    private static readonly Duration Limit = Duration.FromSeconds(10);

    /// <summary>Explains every meeting of <paramref name="ev"/> under <paramref name="placed"/> (meeting id, start slot; first pool).</summary>
    private static Dictionary<string, Explanation> Explain(Event ev, ScheduleStatus status, params (string Meeting, int Start)[] placed)
    {
        var rules = new PlacementRules(ev, TimeGrid.Build(ev));
        var pools = RoomPool.Build(rules);
        var meetings = CandidateBuilder.Build(rules, pools);
        var placements = placed.Select(p =>
        {
            var m = meetings.Single(o => o.Meeting.Id == p.Meeting);
            return new Placement(m.Index, p.Start, m.Length, m.Groups[0].Pools[0]);
        }).ToList();
        return Reasons.Explain(rules, pools, meetings, placements, status, Limit).ToDictionary(e => ev.Meetings[e.Meeting].Id);
    }

    [Fact]
    public void A_meeting_with_a_free_time_left_by_a_stopped_search_is_search_stopped()
    {
        var ev = Morning("10:00").Room("r1").Meeting("ab", 30, ["a", "b"]).Build();

        var e = Explain(ev, ScheduleStatus.Feasible)["ab"];

        Assert.Equal(ReasonCode.SearchStopped, e.Code);
        Assert.Empty(e.Blockers);
    }

    [Fact]
    public void Without_any_schedule_every_meeting_that_had_options_is_no_schedule_found()
    {
        var ev = Morning().Room("r1")
            .Meeting("ab", 30, ["a", "b"])
            .Meeting("big", 30, ["c", "d"], m => m.Headcount(50))
            .Build();

        var explained = Explain(ev, ScheduleStatus.Unknown);

        Assert.Equal(ReasonCode.NoScheduleFound, explained["ab"].Code);
        Assert.Equal(ReasonCode.NoRoomFits, explained["big"].Code);
    }

    [Fact]
    public void A_weightless_meeting_left_at_a_free_time_of_an_optimal_schedule_is_zero_weight()
    {
        var ev = Morning("10:00").Room("r1").Meeting("ab", 30, ["a", "b"], m => m.Weight(0)).Build();

        Assert.Equal(ReasonCode.ZeroWeight, Explain(ev, ScheduleStatus.Optimal)["ab"].Code);
    }

    [Fact]
    public void A_meeting_left_at_a_free_time_of_an_optimal_schedule_under_a_spread_cap_is_idle_gap_spread()
    {
        var ev = Morning("10:00").Room("r1").Meeting("ab", 30, ["a", "b"]).Objective(maxIdleGapSpread: 0).Build();

        Assert.Equal(ReasonCode.IdleGapSpread, Explain(ev, ScheduleStatus.Optimal)["ab"].Code);
    }

    /// <summary>"second" must start after "first" ends: placed at 09:30, "first" keeps "second" out; placed at 09:00, "second" keeps "first" out.</summary>
    [Theory]
    [InlineData("first", 1, "second")]
    [InlineData("second", 0, "first")]
    public void A_meeting_kept_out_by_an_after_order_names_the_meeting_on_the_other_side(string placed, int slot, string left)
    {
        var ev = Morning("10:00").Room("r1").Room("r2")
            .Meeting("first", 30, ["c", "d"])
            .Meeting("second", 30, ["a", "b"], m => m.After("first"))
            .Build();

        var e = Explain(ev, ScheduleStatus.Feasible, (placed, slot))[left];

        Assert.Equal(ReasonCode.AfterOrder, e.Code);
        Assert.Equal([placed], e.Blockers.ToArray());
    }

    [Fact]
    public void A_meeting_kept_from_every_time_by_a_travelling_participant_names_the_meeting_that_keeps_them()
    {
        // Anna is in the hotel at 09:30; the only secure room is 30 minutes away, so 09:00 is too close as well.
        var ev = Morning("10:00").Building("congress").Building("hotel").Travel("congress", "hotel", 30)
            .Room("c1", building: "congress", features: ["secure"]).Room("h1", building: "hotel")
            .Meeting("hotel", 30, ["a", "b"], m => m.Pin("2021-06-22T09:30", "h1"))
            .Meeting("congress", 30, ["a", "c"], m => m.Features("secure"))
            .Build();
        var rules = new PlacementRules(ev, TimeGrid.Build(ev));
        var pools = RoomPool.Build(rules);
        var meetings = CandidateBuilder.Build(rules, pools);
        var hotel = meetings.Single(m => m.Meeting.Id == "hotel");
        var h1 = pools.Single(p => p.Rooms[0].Id == "h1").Index;
        var placements = new List<Placement> { new(hotel.Index, 1, hotel.Length, h1) };
        var congress = meetings.Single(m => m.Meeting.Id == "congress");

        var e = Reasons.Explain(rules, pools, meetings, placements, ScheduleStatus.Optimal, Limit).Single();

        Assert.Equal(congress.Index, e.Meeting);
        Assert.Equal(ReasonCode.LostToHigherWeight, e.Code);
        Assert.Equal(["hotel"], e.Blockers.ToArray());
    }

    [Fact]
    public void Every_sentence_of_a_required_meeting_says_it_was_required()
    {
        var ev = Morning().Room("r1").Meeting("ab", 30, ["a", "b"], m => m.Required().Headcount(50)).Build();

        var e = Explain(ev, ScheduleStatus.Infeasible)["ab"];

        Assert.Equal(ReasonCode.NoRoomFits, e.Code);
        Assert.StartsWith("required, but ", e.Sentence, StringComparison.Ordinal);
    }
}
