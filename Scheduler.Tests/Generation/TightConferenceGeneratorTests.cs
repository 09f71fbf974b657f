using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Generation;
using Scheduler.Tests.Cli;
using Scheduler.Tests.Solving.Bounds;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Generation;

/// <summary>The planted conference: its timetable is valid, holds every request and fills rooms and hosts.</summary>
public sealed class TightConferenceGeneratorTests
{
    [Theory]
    [InlineData(1, 300, 3)]
    [InlineData(2, 120, 2)]
    [InlineData(3, 40, 1)]
    [InlineData(4, 700, 5)]
    public void The_planted_schedule_is_valid_and_places_every_meeting(int seed, int requests, int days)
    {
        var (ev, planted) = TightConferenceGenerator.Generate(new TightConferenceOptions { Seed = seed, Requests = requests, Days = days });

        var report = AssertValid(ev, planted);

        Assert.Equal(requests, ev.Meetings.Length);
        Assert.Equal(ev.Meetings.Select(m => m.Id).Order(StringComparer.Ordinal), planted.Assignments.Select(a => a.Meeting).Order(StringComparer.Ordinal));
        Assert.Equal(ev.Meetings.Sum(m => m.Weight), report.ScheduledWeight);
    }

    [Fact]
    public void The_planted_event_survives_the_event_file_round_trip()
    {
        var (ev, planted) = TightConferenceGenerator.Generate(new TightConferenceOptions { Seed = 5, Requests = 150 });

        var read = EventFile.Parse(EventFile.Write(ev));

        Assert.Empty(read.Problems);
        AssertValid(read.Value!, planted);
    }

    [Fact]
    public void Same_seed_gives_the_same_tight_conference()
    {
        var options = new TightConferenceOptions { Seed = 9, Requests = 200 };

        Assert.Equal(GeneratorTests.Fingerprint(TightConferenceGenerator.Generate(options).Event),
            GeneratorTests.Fingerprint(TightConferenceGenerator.Generate(options).Event));
    }

    [Fact]
    public void Rooms_and_host_leads_are_nearly_full()
    {
        var (ev, planted) = TightConferenceGenerator.Generate(new TightConferenceOptions { Seed = 1, Requests = 300 });
        var open = Duration.FromHours(9); // 09:00–19:00 less lunch
        var used = planted.Assignments.Sum(a => (a.End - a.Start).TotalMinutes);
        var roomHours = ev.Rooms.Length * ev.Days.Length * open.TotalMinutes - Duration.FromHours(2).TotalMinutes;

        Assert.InRange(used / roomHours, 0.8, 1.0);
        var meetingsById = ev.Meetings.ToDictionary(m => m.Id);
        var busiestHost = ev.Participants.Where(p => p.Delegation == ev.Delegations[0].Id)
            .Max(p => planted.Assignments.Where(a => meetingsById[a.Meeting].Participants.Contains(p.Id)).Sum(a => (a.End - a.Start).TotalMinutes));
        Assert.True(busiestHost / (ev.Days.Length * open.TotalMinutes) >= 0.6, $"the busiest host sits {busiestHost} minutes");
    }

    [Fact]
    public void Tight_conference_keeps_the_conference_shape()
    {
        var (ev, _) = TightConferenceGenerator.Generate(new TightConferenceOptions { Seed = 1, Requests = 300 });

        Assert.Equal(Duration.FromMinutes(30), ev.TravelTime("congress", "hotel"));
        Assert.Equal(["congress", "hotel"], ev.Rooms.Select(r => r.Building!).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(ev.Participants, p => !p.Busy.IsEmpty);
        Assert.Contains(ev.Participants, p => p.MaxMeetingsPerDay is not null);
        Assert.Contains(ev.Meetings, m => m.Required);
        Assert.Contains(ev.Meetings, m => m.Pin is not null);
        Assert.Contains(ev.Meetings, m => m.RequiredFeatures.Contains("secure"));
        Assert.True(ev.Delegations.Length >= 10);
    }

    [Fact]
    public void The_lp_bound_of_a_tight_conference_is_the_sum_of_weights()
    {
        var (ev, _) = TightConferenceGenerator.Generate(new TightConferenceOptions { Seed = 2, Requests = 120, Days = 2 });

        var lp = LpBoundTests.Bound(ev);

        Assert.Equal(ev.Meetings.Sum(m => m.Weight), lp.Bound);
    }

    [Fact]
    public void A_room_fill_out_of_range_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TightConferenceGenerator.Generate(new TightConferenceOptions { RoomFill = 0.2 }));
        Assert.Equal("o", e.ParamName);
    }

    [Fact]
    public async Task Generate_conference_tight_writes_the_planted_event()
    {
        var run = await CliRunner.Run("generate", "conference", "--tight", "--requests", "60", "--days", "1", "--seed", "4");

        Assert.Equal(0, run.ExitCode);
        var read = EventFile.Parse(run.Out);
        Assert.Empty(read.Problems);
        Assert.Equal(Fingerprint(TightConferenceGenerator.Generate(new TightConferenceOptions { Requests = 60, Days = 1, Seed = 4 }).Event),
            Fingerprint(read.Value!));
    }

    [Theory]
    [InlineData("--rooms", "4")]
    [InlineData("--delegates", "40")]
    public async Task Generate_conference_tight_refuses_sizes_that_follow_from_the_requests(string option, string value)
    {
        var run = await CliRunner.Run("generate", "conference", "--tight", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot be given with --tight", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    private static string Fingerprint(Event ev) => GeneratorTests.Fingerprint(ev);
}
