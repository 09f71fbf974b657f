using Scheduler.Engine.Checking;
using static Scheduler.Tests.Checking.Conference;

namespace Scheduler.Tests.Checking;

/// <summary>
/// Idle gaps recounted as the contract words them: maximal runs of a participant's free grain slots between two of
/// their meetings on the same day, with break time no slot at all.
/// </summary>
public sealed class IdleGapCountTests
{
    private static ValidationReport Recount(TestEvent ev, params (string Meeting, string Start)[] assignments)
    {
        var schedule = TestSchedule.For(ev, out _);
        var room = 0;
        foreach (var (meeting, start) in assignments)
        {
            // A room per assignment keeps room overlaps out of the picture.
            schedule.Assign(meeting, room++ % 2 == 0 ? "b1" : "h1", start);
        }

        return schedule.Check();
    }

    private static TestEvent Spread() => Event()
        .Travel("congress", "hotel", 0)
        .Meeting("m1", 30, LacroixRyabkov)
        .Meeting("m2", 30, LacroixRyabkov)
        .Meeting("m3", 30, LacroixRyabkov)
        .Meeting("long", 60, LacroixRyabkov)
        .Meeting("other", 30, GuterresLavrov);

    [Fact]
    public void A_lunch_break_between_two_meetings_makes_no_gap()
    {
        var report = Recount(Spread(), ("m1", "2021-06-22T12:30"), ("m2", "2021-06-22T14:00"));

        Assert.Equal(0, report.IdleGaps);
    }

    [Fact]
    public void Free_slots_before_a_lunch_break_make_one_gap()
    {
        var report = Recount(Spread(), ("m1", "2021-06-22T12:00"), ("m2", "2021-06-22T14:15"));

        Assert.Equal(1, report.IdleGapsByParticipant["lacroix"]);
    }

    [Fact]
    public void Two_separate_runs_of_free_slots_are_two_gaps()
    {
        var report = Recount(Spread(), ("m1", "2021-06-22T09:00"), ("m2", "2021-06-22T10:00"), ("m3", "2021-06-22T11:45"));

        Assert.Equal(2, report.IdleGapsByParticipant["lacroix"]);
        Assert.Equal(2, report.IdleGapsByParticipant["ryabkov"]);
        Assert.Equal(4, report.IdleGaps);
    }

    [Fact]
    public void A_multi_slot_free_run_is_one_gap_and_back_to_back_meetings_none()
    {
        var apart = Recount(Spread(), ("long", "2021-06-22T09:00"), ("m1", "2021-06-22T11:00"));
        var adjacent = Recount(Spread(), ("long", "2021-06-22T09:00"), ("m1", "2021-06-22T10:00"), ("m2", "2021-06-22T10:30"));

        Assert.Equal(1, apart.IdleGapsByParticipant["lacroix"]);
        Assert.Equal(0, adjacent.IdleGapsByParticipant["lacroix"]);
    }

    [Fact]
    public void Meetings_on_different_days_make_no_gap()
    {
        var report = Recount(Spread(), ("m1", "2021-06-22T09:00"), ("m2", "2021-06-23T17:00"));

        Assert.Equal(0, report.IdleGaps);
    }

    [Fact]
    public void Participants_without_a_scheduled_meeting_count_zero()
    {
        var report = Recount(Spread(), ("m1", "2021-06-22T09:00"), ("m2", "2021-06-22T10:00"));

        Assert.Equal(["guterres", "lacroix", "lavrov", "ryabkov"], report.IdleGapsByParticipant.Keys);
        Assert.Equal(0, report.IdleGapsByParticipant["guterres"]);
        Assert.Equal(1, report.IdleGapsByParticipant["lacroix"]);
    }

    [Fact]
    public void A_break_off_the_grain_removes_every_slot_it_touches()
    {
        // The break 13:10–14:00 takes the slot 13:00–13:15 too, so 12:30–13:00 and 14:00 are back to back.
        var ev = new TestEvent("Europe/Moscow", 15).Day("2021-06-22", "09:00", "19:00").Break("Lunch", "13:10", "14:00")
            .Room("b1").Room("h1").Meeting("m1", 30, LacroixRyabkov).Meeting("m2", 30, LacroixRyabkov);

        var report = Recount(ev, ("m1", "2021-06-22T12:30"), ("m2", "2021-06-22T14:00"));

        Assert.Equal(0, report.IdleGaps);
    }

    [Fact]
    public void A_meeting_lying_wholly_in_a_break_covers_no_slot_and_bounds_no_gap()
    {
        var report = Recount(Spread(), ("m1", "2021-06-22T12:00"), ("m2", "2021-06-22T13:15"));

        Assert.Equal(0, report.IdleGapsByParticipant["lacroix"]);
    }

    [Fact]
    public void A_meeting_off_the_grain_counts_every_slot_it_intersects()
    {
        // 09:40–10:10 touches the 09:30 slot, so it follows 09:00–09:30 with no free slot; 09:50–10:20 leaves 09:30 free.
        var touching = Recount(Spread(), ("m1", "2021-06-22T09:00"), ("m2", "2021-06-22T09:40"));
        var leaving = Recount(Spread(), ("m1", "2021-06-22T09:00"), ("m2", "2021-06-22T09:50"));

        Assert.Equal(0, touching.IdleGapsByParticipant["lacroix"]);
        Assert.Equal(1, leaving.IdleGapsByParticipant["lacroix"]);
    }

    [Fact]
    public void Gaps_are_counted_per_participant()
    {
        var ev = Spread().Meeting("x", 30, LacroixLavrov);

        var report = Recount(ev, ("m1", "2021-06-22T09:00"), ("x", "2021-06-22T10:00"), ("other", "2021-06-22T11:00"));

        Assert.Equal(1, report.IdleGapsByParticipant["lacroix"]);
        Assert.Equal(1, report.IdleGapsByParticipant["lavrov"]);
        Assert.Equal(0, report.IdleGapsByParticipant["ryabkov"]);
        Assert.Equal(0, report.IdleGapsByParticipant["guterres"]);
    }
}
