using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Generation;

/// <summary>The size and seed of a tight (planted) conference.</summary>
public sealed record TightConferenceOptions
{
    /// <summary>Random seed; the same options always give the same event. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Bilateral meeting requests, all of which fit together; at least 1. Default 300.</summary>
    public int Requests { get; init; } = 300;

    /// <summary>Conference days, from 1 to 14. Default 3.</summary>
    public int Days { get; init; } = 3;

    /// <summary>Share of each room's opening hours the planted meetings fill, from 0.5 to 1. Default 0.92.</summary>
    public double RoomFill { get; init; } = 0.92;
}

/// <summary>A generated event together with a schedule that places every one of its meetings.</summary>
/// <param name="Event">The event.</param>
/// <param name="Planted">A valid schedule (by <see cref="ScheduleValidator"/>) holding every meeting; its weight is the event's total weight.</param>
public sealed record PlantedConference(Event Event, Schedule Planted);

/// <summary>
/// A conference built backwards from a full timetable: rooms in two buildings 30 minutes apart are tiled day by day
/// with back-to-back meetings of 30 to 60 minutes (about <see cref="TightConferenceOptions.RoomFill"/> of the hours),
/// host ministers and deputies are booked into most of them, and each planted slot becomes a request whose people,
/// features, headcount, window and pin all admit its planted place. So every meeting fits, the optimum is the sum of
/// the weights, and "all placed and proven optimal" is a check that runs at any size. The shape follows
/// <see cref="ConferenceGenerator"/>: delegations, a day-1 plenary for visiting ministers, lunch, late arrivals,
/// daily caps, secure and interpretation rooms, a room closed for two hours.
/// </summary>
public static class TightConferenceGenerator
{
    private static readonly LocalDate FirstDay = new(2026, 6, 16);
    private const int SlotMinutes = 15, TravelSlots = 2;

    /// <summary>Generates the event and its planted schedule; deterministic for the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range.</exception>
    public static PlantedConference Generate(TightConferenceOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.Requests < 1) throw new ArgumentOutOfRangeException(nameof(o), o.Requests, "Requests must be at least 1.");
        if (o.Days is < 1 or > 14) throw new ArgumentOutOfRangeException(nameof(o), o.Days, "Days must be from 1 to 14.");
        if (o.RoomFill is < 0.5 or > 1) throw new ArgumentOutOfRangeException(nameof(o), o.RoomFill, "Room fill must be from 0.5 to 1.");
        var rng = new Random(o.Seed);
        var dates = Enumerable.Range(0, o.Days).Select(FirstDay.PlusDays).ToArray();
        var slots = TightPlan.Tile(o, rng, dates.Length);
        var plan = new TightPlan(o, rng, dates, slots);
        plan.BookPeople();

        var days = dates.Select(d => new EventDay(d, new LocalTime(TightPlan.OpenHour, 0), new LocalTime(TightPlan.CloseHour, 0))).ToImmutableArray();
        var breaks = ImmutableArray.Create(new DailyBreak("Lunch", new LocalTime(13, 0), new LocalTime(14, 0)));
        var buildings = ImmutableArray.Create(new Building("congress", "Congress Centre"), new Building("hotel", "Grand Hotel"));
        var travel = ImmutableArray.Create(new TravelTime("congress", "hotel", Duration.FromMinutes(TravelSlots * SlotMinutes)));
        var ev = new Event($"Tight generated conference (seed {o.Seed})", GenerationKit.Zone, Duration.FromMinutes(SlotMinutes),
            days, breaks, buildings, travel, plan.Rooms, plan.Delegations(), plan.Participants(), plan.Meetings(), ScheduleObjective.Default);

        var assignments = plan.Assignments(ev).OrderBy(a => a.Start).ThenBy(a => a.Room, StringComparer.Ordinal)
            .ThenBy(a => a.Meeting, StringComparer.Ordinal).ToImmutableArray();
        long weight = ev.Meetings.Sum(m => m.Weight);
        var draft = new Schedule(ev.Name, ScheduleStatus.Optimal, weight, weight, 0, null, assignments, []);
        int gaps = ScheduleValidator.Check(ev, draft).IdleGaps;
        return new PlantedConference(ev, draft with { IdleGaps = gaps });
    }
}
