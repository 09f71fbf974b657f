using System.Collections.Immutable;

namespace Scheduler.Engine.Solving.Phases.Local;

/// <summary>
/// The interpreters of a <see cref="LocalSchedule"/>: who interprets each placed meeting that needs it, kept in step
/// with every change. Tracked per interpreter, not per pool: that is exact for every rule (no two meetings at once,
/// travel between buildings, daily minutes, availability), where a pool's count is exact only without travel and
/// daily limits. A meeting placed by a walk takes the first interpreter free for it (all of them when pinned), so the
/// walk may miss a move that needs someone else's interpreter swapped, never allow one that breaks a rule. Times are
/// whole minutes after the event's first slot, as in the model's travel rule.
/// </summary>
internal sealed class LocalInterpreters
{
    private static readonly int[] None = [];
    private static readonly List<int> NoneLeaving = [];

    private readonly SchedulingProblem problem;
    private readonly ImmutableArray<MeetingOptions> meetings;
    private readonly bool[] uses;
    private readonly bool[] pinned;
    private readonly ImmutableArray<int>[] who;
    private readonly long[] minutes;
    private readonly long[] slotMinute;
    private readonly int days;
    private readonly List<int>[] workOf;
    private readonly long[] dailyMinutes;
    private readonly long[] dailyMax;
    private readonly Dictionary<(string, string), long> travel = new();
    private readonly int[][] chosen;
    // Choices are shared, never changed, arrays: one per interpreter alone, one per pinned meeting; a move allocates none.
    private readonly int[][] alone;
    private readonly int[][] pinnedSet;
    private readonly List<int> clashing = new();
    private readonly List<int> lightest = new();
    private readonly int[] option;
    private readonly int[] pool;

    /// <summary>
    /// Ready for <paramref name="problem"/> with nothing placed. <paramref name="option"/> and
    /// <paramref name="pool"/> are the owning schedule's own arrays (option index per meeting, -1 when not placed; its
    /// pool), read, never written, here.
    /// </summary>
    public LocalInterpreters(SchedulingProblem problem, int[] option, int[] pool)
    {
        this.problem = problem;
        this.option = option;
        this.pool = pool;
        meetings = problem.Meetings;
        var rules = problem.Rules;
        var ev = problem.Event;
        var grid = problem.Grid;
        uses = meetings.Select(m => rules.UsesInterpreter(m.Index)).ToArray();
        pinned = meetings.Select(m => rules.PinsInterpreters(m.Index)).ToArray();
        who = meetings.Select(m => uses[m.Index] ? rules.InterpretersFor(m.Index) : []).ToArray();
        minutes = ev.Meetings.Select(m => (long)m.Duration.TotalMinutes).ToArray();
        var origin = grid.SlotStart(0);
        slotMinute = Enumerable.Range(0, grid.SlotCount).Select(t => (long)(grid.SlotStart(t) - origin).TotalMinutes).ToArray();
        days = grid.Days.Length;
        workOf = ev.Interpreters.Select(_ => new List<int>(8)).ToArray();
        dailyMinutes = new long[ev.Interpreters.Length * Math.Max(1, days)];
        dailyMax = ev.Interpreters.Select(i => (long)(i.MaxMinutesPerDay ?? int.MaxValue)).ToArray();
        chosen = meetings.Select(_ => None).ToArray();
        alone = Enumerable.Range(0, ev.Interpreters.Length).Select(i => new[] { i }).ToArray();
        pinnedSet = meetings.Select(m => pinned[m.Index] ? who[m.Index].ToArray() : None).ToArray();
    }

    /// <summary>The interpreters (event positions) of placed meeting <paramref name="m"/>; empty when it has none.</summary>
    public int[] Of(int m) => chosen[m];

    /// <summary>
    /// True when meeting <paramref name="m"/> (not placed) can have its interpreters at option <paramref name="k"/>
    /// in pool <paramref name="p"/> with every placed meeting keeping theirs.
    /// </summary>
    public bool CanServe(int m, int k, int p) => !uses[m] || Pick(m, k, p) is not null;

    /// <summary>Gives placed-now meeting <paramref name="m"/> the interpreters <paramref name="chosenNow"/>, or the first that fit when null.</summary>
    public void Assign(int m, int k, int p, int[]? chosenNow)
    {
        if (!uses[m]) return;
        var list = chosenNow ?? Pick(m, k, p) ?? throw new InvalidOperationException($"Meeting {m} has no interpreter at option {k}.");
        chosen[m] = list;
        int day = problem.Grid.DayOf(meetings[m].Options[k].Start);
        foreach (int i in list)
        {
            workOf[i].Add(m);
            dailyMinutes[i * days + day] += minutes[m];
        }
    }

    /// <summary>Frees the interpreters of meeting <paramref name="m"/>, which is leaving option <paramref name="k"/>.</summary>
    public void Release(int m, int k)
    {
        if (!uses[m]) return;
        int day = problem.Grid.DayOf(meetings[m].Options[k].Start);
        foreach (int i in chosen[m])
        {
            workOf[i].Remove(m);
            dailyMinutes[i * days + day] -= minutes[m];
        }
        chosen[m] = None;
    }

    /// <summary>
    /// Adds to <paramref name="into"/> what must step out for meeting <paramref name="m"/> to have interpreters at
    /// option <paramref name="k"/> in pool <paramref name="p"/>, counting those already in <paramref name="into"/>
    /// as gone: nothing when someone is free; else, of the interpreters available then, the one whose clashing
    /// meetings weigh least (every pinned one when pinned). False when no interpreter could be freed without moving a
    /// required meeting or when availability or daily minutes forbid it.
    /// </summary>
    public bool AddBlockers(int m, int k, int p, long[] weight, List<int> into)
    {
        if (!uses[m]) return true;
        int start = meetings[m].Options[k].Start;
        lightest.Clear();
        bool found = false;
        long bestWeight = long.MaxValue;
        foreach (int i in who[m])
        {
            if (!problem.Rules.InterpreterFreeOver(i, m, start) || !MinutesFit(i, m, start, into))
            {
                if (pinned[m]) return false;
                continue;
            }
            clashing.Clear();
            long total = 0;
            bool required = false;
            foreach (int other in workOf[i])
            {
                if (into.Contains(other) || !Clash(m, k, p, other)) continue;
                clashing.Add(other);
                total += weight[other];
                required |= meetings[other].Meeting.Required;
            }
            if (pinned[m])
            {
                if (required) return false;
                foreach (int c in clashing) if (!into.Contains(c)) into.Add(c);
                continue;
            }
            if (!required && total < bestWeight)
            {
                bestWeight = total;
                found = true;
                lightest.Clear();
                lightest.AddRange(clashing);
                if (total == 0) break;
            }
        }
        if (pinned[m]) return true;
        if (!found) return false;
        into.AddRange(lightest);
        return true;
    }

    // The daily-minutes rule, with the minutes of the meetings in leaving (those about to step out) given back.
    private bool MinutesFit(int i, int m, int start, List<int> leaving)
    {
        if (dailyMax[i] == int.MaxValue) return true;
        int day = problem.Grid.DayOf(start);
        long used = dailyMinutes[i * days + day];
        foreach (int other in leaving)
            if (chosen[other].Contains(i) && problem.Grid.DayOf(meetings[other].Options[option[other]].Start) == day) used -= minutes[other];
        return used + minutes[m] <= dailyMax[i];
    }

    private int[]? Pick(int m, int k, int p)
    {
        int start = meetings[m].Options[k].Start;
        if (pinned[m])
        {
            foreach (int i in who[m])
                if (!Free(i, m, k, p, start)) return null;
            return pinnedSet[m];
        }
        foreach (int i in who[m])
            if (Free(i, m, k, p, start)) return alone[i];
        return null;
    }

    private bool Free(int i, int m, int k, int p, int start)
    {
        if (!problem.Rules.InterpreterFreeOver(i, m, start) || !MinutesFit(i, m, start, NoneLeaving)) return false;
        foreach (int other in workOf[i])
            if (Clash(m, k, p, other)) return false;
        return true;
    }

    // Same rule as InterpreterAssignment.Clash: one interpreter cannot be in both when they overlap or lie in
    // buildings further apart than the time between them.
    private bool Clash(int m, int k, int p, int other)
    {
        long startA = slotMinute[meetings[m].Options[k].Start], endA = startA + minutes[m];
        long startB = slotMinute[meetings[other].Options[option[other]].Start], endB = startB + minutes[other];
        long t = TravelMinutes(problem.Pools[p].Building, problem.Pools[pool[other]].Building);
        return startA < endB + t && startB < endA + t;
    }

    private long TravelMinutes(string? a, string? b)
    {
        if (a is null || b is null || a == b) return 0;
        if (!travel.TryGetValue((a, b), out long t))
            travel[(a, b)] = t = (long)Math.Ceiling(problem.Event.TravelTime(a, b).TotalMinutes);
        return t;
    }
}
