using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Tests.Files;

public class EventFileTimeTests
{
    private static Instant At(string offsetDateTime) =>
        OffsetDateTimePattern.GeneralIso.Parse(offsetDateTime).GetValueOrThrow().ToInstant();

    /// <summary>The Berlin sample with one busy period for participant a.</summary>
    private static string BerlinBusy(string start, string end) => Samples.Edit(Samples.Berlin, root =>
        root["participants"]![0]!["busy"] = Samples.Array(new JsonObject { ["start"] = start, ["end"] = end }));

    private static Interval ReadBusy(string start, string end) =>
        Assert.Single(Samples.Read(BerlinBusy(start, end)).Participants[0].Busy);

    [Fact]
    public void Local_time_is_in_the_event_zone() =>
        Assert.Equal(new Interval(At("2021-03-27T10:00:00+01:00"), At("2021-03-27T11:00:00+01:00")),
            ReadBusy("2021-03-27T10:00", "2021-03-27T11:00"));

    [Fact]
    public void Local_time_with_seconds_is_accepted() =>
        Assert.Equal(new Interval(At("2021-03-27T10:00:30+01:00"), At("2021-03-27T11:00:00+01:00")),
            ReadBusy("2021-03-27T10:00:30", "2021-03-27T11:00:00"));

    [Fact]
    public void Offset_time_is_taken_as_given() =>
        Assert.Equal(new Interval(At("2021-03-27T10:00:00+03:00"), At("2021-03-27T11:00:00+03:00")),
            ReadBusy("2021-03-27T10:00+03:00", "2021-03-27T11:00:00+03:00"));

    [Fact]
    public void Z_means_UTC() =>
        Assert.Equal(new Interval(At("2021-03-27T10:00:00Z"), At("2021-03-27T11:00:00Z")),
            ReadBusy("2021-03-27T10:00Z", "2021-03-27T11:00:00Z"));

    [Fact]
    public void Day_hours_and_breaks_are_local_times_of_day()
    {
        var ev = Samples.Read(Samples.Edit(Samples.Berlin, root =>
        {
            root["event"]!["days"]![0]!["start"] = "08:30:00";
            root["event"]!["breaks"] = Samples.Array(new JsonObject { ["name"] = "Lunch", ["start"] = "12:00", ["end"] = "13:00:00" });
        }));
        Assert.Equal(new LocalTime(8, 30), ev.Days[0].Start);
        Assert.Equal(new LocalDate(2021, 3, 28), ev.Days[1].Date);
        Assert.Equal(new LocalTime(13, 0), ev.Breaks[0].End);
    }

    [Fact]
    public void Local_time_in_DST_gap_is_an_error() =>
        Assert.Equal(
            "participants[0].busy[0].start: 2021-03-28T02:30 does not exist in Europe/Berlin (clocks jump forward at 02:00); give an offset",
            Samples.Problem(BerlinBusy("2021-03-28T02:30", "2021-03-28T04:00")));

    [Fact]
    public void Local_time_in_DST_overlap_is_an_error() =>
        Assert.Equal(
            "participants[0].busy[0].end: 2021-10-31T02:30 is ambiguous in Europe/Berlin (it occurs twice); give an offset such as +02:00 or +01:00",
            Samples.Problem(BerlinBusy("2021-10-31T01:00", "2021-10-31T02:30")));

    [Fact]
    public void Offset_resolves_a_DST_overlap()
    {
        Assert.Equal(At("2021-10-31T00:30:00Z"), ReadBusy("2021-10-31T01:00", "2021-10-31T02:30+02:00").End);
        Assert.Equal(At("2021-10-31T01:30:00Z"), ReadBusy("2021-10-31T01:00", "2021-10-31T02:30+01:00").End);
    }

    [Fact]
    public void Offset_gives_a_time_in_a_DST_gap_its_instant() =>
        Assert.Equal(At("2021-03-28T01:30:00Z"), ReadBusy("2021-03-28T02:30+01:00", "2021-03-28T04:00").Start);

    [Fact]
    public void Busy_across_the_spring_change_lasts_real_time()
    {
        var busy = ReadBusy("2021-03-28T01:30", "2021-03-28T03:30");
        Assert.Equal(Duration.FromHours(1), busy.Duration);
    }

    [Fact]
    public void Day_start_in_a_DST_gap_is_an_error() =>
        Assert.Equal(
            "event.days[1].start: 2021-03-28T02:00 does not exist in Europe/Berlin (clocks jump forward at 02:00); give an offset",
            Samples.Problem(Samples.Edit(Samples.Berlin, root => root["event"]!["days"]![1]!["start"] = "02:00")));

    [Fact]
    public void Day_end_in_a_DST_overlap_is_an_error() =>
        Assert.Equal(
            "event.days[0].end: 2021-10-31T02:15 is ambiguous in Europe/Berlin (it occurs twice); give an offset such as +02:00 or +01:00",
            Samples.Problem(Samples.Edit(Samples.Berlin, root =>
            {
                root["event"]!["days"] = Samples.Array(new JsonObject { ["date"] = "2021-10-31", ["start"] = "00:00", ["end"] = "02:15" });
            })));

    [Fact]
    public void Break_in_a_DST_gap_on_one_of_the_days_is_an_error() =>
        Assert.Equal(
            "event.breaks[0].start: 2021-03-28T02:15 does not exist in Europe/Berlin (clocks jump forward at 02:00); give an offset",
            Samples.Problem(Samples.Edit(Samples.Berlin, root =>
                root["event"]!["breaks"] = Samples.Array(new JsonObject { ["start"] = "02:15", ["end"] = "03:30" }))));

    [Fact]
    public void A_time_in_another_form_is_an_error() =>
        Assert.Equal(
            "participants[0].busy[0].start: \"2021-03-27 10:00\" is not a time; write it as \"2021-06-22T09:00\" (local in the event's zone) or \"2021-06-22T09:00+03:00\"",
            Samples.Problem(BerlinBusy("2021-03-27 10:00", "2021-03-27T11:00")));

    [Fact]
    public void A_date_or_time_of_day_in_another_form_is_an_error()
    {
        var problems = Samples.Problems(Samples.Edit(Samples.Berlin, root =>
        {
            root["event"]!["days"]![0]!["date"] = "27.03.2021";
            root["event"]!["days"]![0]!["end"] = "5pm";
        }));
        Assert.Equal(
            [
                "event.days[0].date: \"27.03.2021\" is not a date; write it as \"2021-06-22\"",
                "event.days[0].end: \"5pm\" is not a time of day; write it as \"09:00\"",
            ],
            problems);
    }
}
