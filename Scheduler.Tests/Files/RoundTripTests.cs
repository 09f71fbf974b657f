using System.Text;
using System.Text.Json.Nodes;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;

namespace Scheduler.Tests.Files;

public class RoundTripTests
{
    /// <summary>Every field of an event in a canonical text that does not use the writer: equal text, equal event.</summary>
    internal static string Canonical(Event ev)
    {
        var s = new StringBuilder();
        s.AppendLine($"{ev.Name}|{ev.Zone.Id}|{ev.Grain}|{ev.Objective}");
        foreach (var d in ev.Days) s.AppendLine($"day {d}");
        foreach (var b in ev.Breaks) s.AppendLine($"break {b}");
        foreach (var b in ev.Buildings) s.AppendLine($"building {b}");
        foreach (var t in ev.TravelTimes) s.AppendLine($"travel {t}");
        foreach (var r in ev.Rooms)
        {
            s.AppendLine($"room {r.Id}|{r.Name}|{r.Building}|{r.Capacity}|{string.Join(",", r.Features)}|{string.Join(",", r.Unavailable)}");
        }

        foreach (var d in ev.Delegations) s.AppendLine($"delegation {d}");
        foreach (var p in ev.Participants)
        {
            s.AppendLine($"participant {p.Id}|{p.Name}|{p.Delegation}|{string.Join(",", p.Available)}|{string.Join(",", p.Busy)}|{p.MaxMeetingsPerDay}");
        }

        foreach (var m in ev.Meetings)
        {
            s.AppendLine($"meeting {m.Id}|{m.Title}|{string.Join(",", m.Participants)}|{m.Duration}|{m.Required}|{m.Weight}|{m.Headcount}|"
                + $"{string.Join(",", m.RequiredFeatures)}|{string.Join(",", m.Windows)}|{m.Pin}|{string.Join(",", m.After)}");
        }

        return s.ToString();
    }

    private static void AssertRoundTrip(string json)
    {
        var ev = Samples.Read(json);
        var written = EventFile.Write(ev);
        var again = Samples.Read(written);
        Assert.Equal(Canonical(ev), Canonical(again));
        Assert.Equal(written, EventFile.Write(again));
    }

    [Fact]
    public void Event_file_round_trips() => AssertRoundTrip(Samples.Conference);

    [Fact]
    public void Minimal_event_file_round_trips_with_defaults_left_out()
    {
        AssertRoundTrip(Samples.Minimal);
        var written = EventFile.Write(Samples.Read(Samples.Minimal));
        Assert.DoesNotContain("\"weight\"", written);
        Assert.DoesNotContain("\"title\"", written);
        Assert.DoesNotContain("\"name\": \"a\"", written);
        Assert.EndsWith("}\n", written);
    }

    [Fact]
    public void Written_times_are_local_where_unambiguous_and_offset_in_an_overlap()
    {
        var json = Samples.Edit(Samples.Berlin, root => root["participants"]![0]!["busy"] = Samples.Array(
            new JsonObject { ["start"] = "2021-10-31T02:30+02:00", ["end"] = "2021-10-31T02:30+01:00" },
            new JsonObject { ["start"] = "2021-03-28T01:30", ["end"] = "2021-03-28T03:30:15" }));
        AssertRoundTrip(json);
        var written = EventFile.Write(Samples.Read(json));
        Assert.Contains("\"start\": \"2021-10-31T02:30+02:00\"", written);
        Assert.Contains("\"end\": \"2021-10-31T02:30+01:00\"", written);
        Assert.Contains("\"start\": \"2021-03-28T01:30\"", written);
        Assert.Contains("\"end\": \"2021-03-28T03:30:15\"", written);
    }

    [Fact]
    public void Time_given_with_an_offset_is_written_local_when_that_is_unambiguous()
    {
        var written = EventFile.Write(Samples.Read(Samples.Conference));
        Assert.Contains("\"end\": \"2021-06-23T15:00\"", written);
    }

    private static readonly Schedule Sample = new(
        "Moscow Conference on International Security 2021",
        ScheduleStatus.Optimal,
        ScheduledWeight: 11,
        WeightBound: 12,
        IdleGaps: 3,
        IdleGapsBound: null,
        [
            new Assignment("un-mfa", "b1",
                NodaTime.Instant.FromUtc(2021, 6, 22, 12, 0), NodaTime.Instant.FromUtc(2021, 6, 22, 12, 45)),
            new Assignment("un-mod", "h1",
                NodaTime.Instant.FromUtc(2021, 6, 23, 6, 0), NodaTime.Instant.FromUtc(2021, 6, 23, 6, 30)),
        ],
        [new UnscheduledMeeting("ru-mod", "fomin has no free 60-minute period inside the meeting's windows")]);

    internal const string SampleText = """
        {
          "schemaVersion": 1,
          "event": "Moscow Conference on International Security 2021",
          "status": "optimal",
          "scheduledWeight": 11,
          "weightBound": 12,
          "idleGaps": 3,
          "assignments": [
            {
              "meeting": "un-mfa",
              "room": "b1",
              "start": "2021-06-22T15:00:00+03:00",
              "end": "2021-06-22T15:45:00+03:00"
            },
            {
              "meeting": "un-mod",
              "room": "h1",
              "start": "2021-06-23T09:00:00+03:00",
              "end": "2021-06-23T09:30:00+03:00"
            }
          ],
          "unscheduled": [
            {
              "meeting": "ru-mod",
              "reason": "fomin has no free 60-minute period inside the meeting's windows"
            }
          ]
        }

        """;

    [Fact]
    public void Schedule_file_is_written_in_contract_order_with_offset_times_in_the_event_zone() =>
        Assert.Equal(SampleText, ScheduleFile.Write(Sample, Samples.Read(Samples.Conference)));

    [Fact]
    public void Schedule_file_round_trips()
    {
        var ev = Samples.Read(Samples.Conference);
        foreach (var schedule in new[] { Sample, Sample with { WeightBound = null, IdleGapsBound = 2, Status = ScheduleStatus.Unknown } })
        {
            var read = ScheduleFile.Parse(ScheduleFile.Write(schedule, ev));
            Assert.True(read.Succeeded, string.Join("\n", read.Problems));
            var back = read.Value!;
            Assert.Equal(
                (schedule.EventName, schedule.Status, schedule.ScheduledWeight, schedule.WeightBound, schedule.IdleGaps, schedule.IdleGapsBound),
                (back.EventName, back.Status, back.ScheduledWeight, back.WeightBound, back.IdleGaps, back.IdleGapsBound));
            Assert.Equal(schedule.Assignments.ToArray(), back.Assignments.ToArray());
            Assert.Equal(schedule.Unscheduled.ToArray(), back.Unscheduled.ToArray());
        }
    }

    [Fact]
    public void Schedule_without_a_weight_bound_writes_null()
    {
        var written = ScheduleFile.Write(Sample with { WeightBound = null }, Samples.Read(Samples.Conference));
        Assert.Contains("\"weightBound\": null,", written);
        Assert.DoesNotContain("idleGapsBound", written);
    }
}

public class GeneratedEventRoundTripTests
{
    [Fact]
    public void Generated_conference_round_trips_through_the_event_file()
    {
        var ev = Scheduler.Engine.Generation.ConferenceGenerator.Generate(new Scheduler.Engine.Generation.ConferenceOptions { Seed = 7 });
        var again = Samples.Read(EventFile.Write(ev));
        Assert.Equal(RoundTripTests.Canonical(ev), RoundTripTests.Canonical(again));
    }

    [Fact]
    public void Generated_trade_fair_of_eight_thousand_requests_round_trips_through_the_event_file()
    {
        var ev = Scheduler.Engine.Generation.TradeFairGenerator.Generate(new Scheduler.Engine.Generation.TradeFairOptions { Seed = 3 });
        var again = Samples.Read(EventFile.Write(ev));
        Assert.Equal(8000, again.Meetings.Length);
        Assert.Equal(RoundTripTests.Canonical(ev), RoundTripTests.Canonical(again));
    }
}
