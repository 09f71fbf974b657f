using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Cli.Rendering;

/// <summary>What part of a schedule to show; at most one of participant, delegation, room and interpreter.</summary>
/// <param name="Participant">A participant id, or null.</param>
/// <param name="Delegation">A delegation id, or null.</param>
/// <param name="Room">A room id, or null.</param>
/// <param name="Day">One local date of the event, or null for every day.</param>
internal sealed record TimetableFilter(string? Participant, string? Delegation, string? Room, LocalDate? Day)
{
    /// <summary>An interpreter id whose working day is shown (contract v1.1), or null.</summary>
    public string? Interpreter { get; init; }

    /// <summary>Everything.</summary>
    public static TimetableFilter None { get; } = new(null, null, null, null);

    /// <summary>Messages for ids the event does not know and a day that is not one of its days.</summary>
    public IReadOnlyList<string> ProblemsWith(Event ev)
    {
        var problems = new List<string>();
        if (Participant is not null && ev.FindParticipant(Participant) is null)
            problems.Add($"--participant: the event has no participant \"{Participant}\"");
        if (Delegation is not null && ev.FindDelegation(Delegation) is null)
            problems.Add($"--delegation: the event has no delegation \"{Delegation}\"");
        if (Room is not null && ev.FindRoom(Room) is null)
            problems.Add($"--room: the event has no room \"{Room}\"");
        if (Interpreter is not null && ev.FindInterpreter(Interpreter) is null)
            problems.Add($"--interpreter: the event has no interpreter \"{Interpreter}\"");
        if (Day is { } day && !ev.Days.Any(d => d.Date == day))
            problems.Add($"--day: {NodaTime.Text.LocalDatePattern.Iso.Format(day)} is not one of the event's days");
        return problems;
    }

    /// <summary>
    /// True when a meeting with these participants, held in <paramref name="room"/> (null when unscheduled) with
    /// <paramref name="interpreters"/> (null when unscheduled), is shown.
    /// </summary>
    public bool Includes(Event ev, IEnumerable<string> participants, string? room, IEnumerable<string>? interpreters = null)
    {
        if (Interpreter is not null && !(interpreters ?? []).Contains(Interpreter, StringComparer.Ordinal)) return false;
        if (Room is not null && !string.Equals(Room, room, StringComparison.Ordinal)) return false;
        if (Participant is not null && !participants.Contains(Participant, StringComparer.Ordinal)) return false;
        if (Delegation is not null &&
            !participants.Any(p => string.Equals(ev.FindParticipant(p)?.Delegation, Delegation, StringComparison.Ordinal)))
            return false;
        return true;
    }
}
