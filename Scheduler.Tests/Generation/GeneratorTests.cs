using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Generation;

namespace Scheduler.Tests.Generation;

public sealed class GeneratorTests
{
    // Small sizes keep the tests quick; the shapes are the same as at full size.
    internal static readonly ConferenceOptions SmallConference = new() { Seed = 7, Delegates = 120, Requests = 110, Rooms = 6 };
    internal static readonly TradeFairOptions SmallFair = new() { Seed = 7, Companies = 150, Requests = 600, Tables = 20 };

    /// <summary>A text rendering of everything about the meetings and people, to compare events.</summary>
    internal static string Fingerprint(Event ev) => string.Join("\n",
        ev.Participants.Select(p => $"{p.Id}|{p.Delegation}|{string.Join(",", p.Available)}|{string.Join(",", p.Busy)}|{p.MaxMeetingsPerDay}")
            .Concat(ev.Rooms.Select(r => $"{r.Id}|{r.Building}|{r.Capacity}|{string.Join(",", r.Features)}|{string.Join(",", r.Unavailable)}"))
            .Concat(ev.Meetings.Select(m => $"{m.Id}|{string.Join(",", m.Participants)}|{m.Duration}|{m.Required}|{m.Weight}|" +
                $"{m.Headcount}|{string.Join(",", m.RequiredFeatures)}|{string.Join(",", m.Windows)}|{m.Pin}|{string.Join(",", m.After)}")));

    [Fact]
    public void Same_seed_gives_the_same_conference()
    {
        Assert.Equal(Fingerprint(ConferenceGenerator.Generate(SmallConference)), Fingerprint(ConferenceGenerator.Generate(SmallConference)));
    }

    [Fact]
    public void Another_seed_gives_another_conference()
    {
        Assert.NotEqual(Fingerprint(ConferenceGenerator.Generate(SmallConference)),
            Fingerprint(ConferenceGenerator.Generate(SmallConference with { Seed = 8 })));
    }

    [Fact]
    public void Same_seed_gives_the_same_fair()
    {
        Assert.Equal(Fingerprint(TradeFairGenerator.Generate(SmallFair)), Fingerprint(TradeFairGenerator.Generate(SmallFair)));
    }

    [Fact]
    public void Conference_has_the_requested_sizes()
    {
        var ev = ConferenceGenerator.Generate(new ConferenceOptions());
        Assert.Equal(600, ev.Participants.Length);
        Assert.Equal(550, ev.Meetings.Length);
        Assert.Equal(10, ev.Rooms.Length);
        Assert.Equal(3, ev.Days.Length);
    }

    [Fact]
    public void Conference_has_two_buildings_half_an_hour_apart_and_special_rooms()
    {
        var ev = ConferenceGenerator.Generate(SmallConference);
        Assert.Equal(Duration.FromMinutes(30), ev.TravelTime("congress", "hotel"));
        Assert.Equal(["congress", "hotel"], ev.Rooms.Select(r => r.Building!).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(ev.Rooms, r => r.HasAll(["secure", "interpretation"]));
        Assert.Contains(ev.Meetings, m => m.RequiredFeatures.Contains("secure"));
        Assert.Contains(ev.Meetings, m => m.RequiredFeatures.Contains("interpretation"));
    }

    [Fact]
    public void Ministers_sit_in_the_plenary_on_day_one_morning()
    {
        var ev = ConferenceGenerator.Generate(SmallConference);
        var plenary = ev.Participants.Where(p => !p.Busy.IsEmpty).SelectMany(p => p.Busy).Distinct().Single();
        var local = plenary.Start.InZone(ev.Zone).LocalDateTime;
        Assert.Equal(ev.Days[0].Date, local.Date);
        Assert.True(local.Hour < 12);
        Assert.Equal(ev.Delegations.Length, ev.Participants.Count(p => !p.Busy.IsEmpty));
    }

    [Fact]
    public void Conference_has_late_arrivals_or_early_departures_and_a_lunch_break()
    {
        var ev = ConferenceGenerator.Generate(new ConferenceOptions());
        Assert.Contains(ev.Participants, p => !p.Available.IsEmpty);
        Assert.Single(ev.Breaks);
    }

    [Fact]
    public void Hosts_are_asked_far_more_often_than_other_delegations()
    {
        var ev = ConferenceGenerator.Generate(new ConferenceOptions());
        var perDelegation = ev.Meetings
            .SelectMany(m => m.Participants.Select(p => ev.FindParticipant(p)!.Delegation!).Distinct())
            .CountBy(d => d)
            .Select(kv => kv.Value)
            .Order()
            .ToArray();
        Assert.True(perDelegation[^1] >= 4 * perDelegation[perDelegation.Length / 2],
            $"most {perDelegation[^1]}, median {perDelegation[perDelegation.Length / 2]}");
    }

    [Fact]
    public void Conference_weights_durations_and_required_share_are_in_range()
    {
        var ev = ConferenceGenerator.Generate(new ConferenceOptions());
        Assert.All(ev.Meetings, m => Assert.InRange(m.Weight, 1, 10));
        Assert.All(ev.Meetings, m => Assert.InRange(m.Duration.TotalMinutes, 30, 60));
        Assert.All(ev.Meetings, m => Assert.True(m.Participants.Length >= 2 && m.Participants.Distinct().Count() == m.Participants.Length));
        Assert.InRange(ev.Meetings.Count(m => m.Required), 1, 30);
    }

    [Fact]
    public void Fair_has_the_requested_sizes_and_identical_two_seat_tables()
    {
        var ev = TradeFairGenerator.Generate(new TradeFairOptions());
        Assert.Equal(1500, ev.Participants.Length);
        Assert.Equal(8000, ev.Meetings.Length);
        Assert.Equal(200, ev.Rooms.Length);
        Assert.All(ev.Rooms, r => Assert.Equal(2, r.Capacity));
        Assert.Equal(Duration.FromMinutes(20), ev.Grain);
        Assert.Equal(2, ev.Days.Length);
    }

    [Fact]
    public void Fair_meetings_are_twenty_minute_pairs_weighted_one_to_five_none_required()
    {
        var ev = TradeFairGenerator.Generate(SmallFair);
        Assert.All(ev.Meetings, m => Assert.Equal(Duration.FromMinutes(20), m.Duration));
        Assert.All(ev.Meetings, m => Assert.InRange(m.Weight, 1, 5));
        Assert.All(ev.Meetings, m => Assert.NotEqual(m.Participants[0], m.Participants[1]));
        Assert.DoesNotContain(ev.Meetings, m => m.Required);
    }

    [Fact]
    public void Popular_companies_are_asked_far_more_often()
    {
        var ev = TradeFairGenerator.Generate(new TradeFairOptions());
        var counts = ev.Meetings.SelectMany(m => m.Participants).CountBy(p => p).Select(kv => kv.Value).Order().ToArray();
        Assert.True(counts[^1] >= 4 * counts[counts.Length / 2], $"most {counts[^1]}, median {counts[counts.Length / 2]}");
    }

    [Fact]
    public void Some_companies_come_only_in_the_mornings_or_only_on_day_two()
    {
        var ev = TradeFairGenerator.Generate(SmallFair);
        var dayTwo = ev.Days[1].Date;
        Assert.Contains(ev.Participants, p => p.Available.Length == 2 && p.Available.All(i => i.End.InZone(ev.Zone).Hour == 13));
        Assert.Contains(ev.Participants, p => p.Available.Length == 1 && p.Available[0].Start.InZone(ev.Zone).Date == dayTwo);
    }

    [Fact]
    public void Impossible_sizes_are_rejected_naming_the_options()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TradeFairGenerator.Generate(SmallFair with { Companies = 1 }));
        Assert.Equal("o", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConferenceGenerator.Generate(SmallConference with { Days = 0 }));
    }
}
