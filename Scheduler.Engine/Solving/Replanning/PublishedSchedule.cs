using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;

namespace Scheduler.Engine.Solving;

/// <summary>
/// A published schedule checked against the current version of its event (contract v1.1, <c>--previous</c>): the
/// meetings it published that the event still has, those it had that the event no longer has (withdrawn), and the
/// frozen ones. Made only by <see cref="Check"/>, so a replan never starts from a schedule of another event or from a
/// frozen meeting that breaks a hard rule. Pass it as <see cref="SolveOptions.Previous"/>.
/// </summary>
public sealed class PublishedSchedule
{
    private PublishedSchedule(Event ev, Schedule previous, ReplanSettings settings, ImmutableArray<Assignment> published,
        ImmutableArray<string> withdrawn, ImmutableHashSet<string> frozen)
    {
        Event = ev;
        Previous = previous;
        Settings = settings;
        Published = published;
        Withdrawn = withdrawn;
        Frozen = frozen;
    }

    /// <summary>The event as it is now, the one the replan solves.</summary>
    public Event Event { get; }

    /// <summary>The published schedule as it was read.</summary>
    public Schedule Previous { get; }

    /// <summary>The event's <c>replan</c> settings, or the defaults when it has none.</summary>
    public ReplanSettings Settings { get; }

    /// <summary>The published schedule's assignments whose meeting the event still has, in its order.</summary>
    public ImmutableArray<Assignment> Published { get; }

    /// <summary>Ids of the published schedule's assignments that the event no longer has, ordinal order.</summary>
    public ImmutableArray<string> Withdrawn { get; }

    /// <summary>Ids of the published meetings that start before <see cref="ReplanSettings.FrozenUntil"/>: they keep start and room.</summary>
    public ImmutableHashSet<string> Frozen { get; }

    /// <summary>
    /// Checks <paramref name="previous"/> as the published schedule of <paramref name="ev"/>. Problems, each at a path
    /// of the previous schedule file: a schedule of another event (<c>event</c>), a meeting assigned twice, and a
    /// frozen meeting that the event now forbids where it is (<c>assignments[3]</c>, naming the meeting and the rule).
    /// </summary>
    public static ReadResult<PublishedSchedule> Check(Event ev, Schedule previous)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(previous);
        var problems = new List<InputProblem>();
        if (!string.Equals(previous.EventName, ev.Name, StringComparison.Ordinal))
        {
            problems.Add(new InputProblem("event", $"the previous schedule is of the event \"{previous.EventName}\", "
                + $"not of \"{ev.Name}\": replan from a schedule of this event"));
            return ReadResult<PublishedSchedule>.Failure(problems);
        }

        var settings = ev.Replan ?? ReplanSettings.Default;
        var published = ImmutableArray.CreateBuilder<Assignment>();
        var withdrawn = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var frozen = new List<(int Index, Assignment Assignment)>();
        for (int i = 0; i < previous.Assignments.Length; i++)
        {
            var a = previous.Assignments[i];
            if (!seen.Add(a.Meeting))
            {
                problems.Add(new InputProblem($"assignments[{i}]", $"meeting \"{a.Meeting}\" is assigned twice in the previous schedule"));
                continue;
            }

            if (ev.FindMeeting(a.Meeting) is null)
            {
                withdrawn.Add(a.Meeting);
                continue;
            }

            published.Add(a);
            if (settings.FrozenUntil is { } until && a.Start < until) frozen.Add((i, a));
        }

        problems.AddRange(FrozenRules.Problems(ev, frozen));
        if (problems.Count > 0) return ReadResult<PublishedSchedule>.Failure(problems);
        return ReadResult<PublishedSchedule>.Success(new PublishedSchedule(ev, previous, settings, published.ToImmutable(),
            [.. withdrawn], frozen.Select(f => f.Assignment.Meeting).ToImmutableHashSet(StringComparer.Ordinal)));
    }

    /// <summary>
    /// The event the solver works on: each frozen meeting pinned to its published start and room and required, and
    /// every other meeting's windows cut to start at <see cref="ReplanSettings.FrozenUntil"/>, so the rules, the first
    /// fit and the reasons all know what is frozen. Stricter than <see cref="Event"/>, so its schedules are valid there.
    /// </summary>
    internal Event SolverEvent()
    {
        if (Settings.FrozenUntil is not { } until) return Event;
        var byMeeting = Published.ToDictionary(a => a.Meeting, StringComparer.Ordinal);
        var meetings = Event.Meetings.Select(m => Frozen.Contains(m.Id)
            ? m with { Pin = new MeetingPin(byMeeting[m.Id].Start, byMeeting[m.Id].Room), Required = true }
            : m with { Windows = From(until, m.Windows) }).ToImmutableArray();
        return Event.With(meetings, Event.Replan);
    }

    /// <summary>
    /// Rooms of published meetings that are not frozen: with a positive room change cost each gets a room pool of its
    /// own, so "same room" is one pool choice in the model and exact. Empty when room changes cost nothing.
    /// </summary>
    internal IReadOnlySet<string> RoomsToKeepApart() =>
        Settings.RoomChangeCost > 0
            ? Published.Where(a => !Frozen.Contains(a.Meeting) && Event.FindRoom(a.Room) is not null).Select(a => a.Room).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="windows"/> (empty: the whole event) cut to start no earlier than <paramref name="until"/>. When
    /// nothing is left, one instant-long window at the event's end, which no meeting fits: empty would mean "anywhere".
    /// </summary>
    private ImmutableArray<Interval> From(Instant until, ImmutableArray<Interval> windows)
    {
        var source = windows.IsDefaultOrEmpty ? [new Interval(Event.Start, Event.End)] : windows;
        var cut = source.Where(w => w.End > until).Select(w => new Interval(Instant.Max(w.Start, until), w.End)).ToImmutableArray();
        return cut.IsEmpty ? [new Interval(Event.End, Event.End + Duration.Epsilon)] : cut;
    }
}
