namespace Scheduler.Engine.Solving.Phases.Lns;

/// <summary>A set of meetings to free, and the slots their new starts must lie in.</summary>
/// <param name="Free">Meeting indices: placed ones that may move or drop, unplaced ones that may be placed.</param>
/// <param name="FirstSlot">The first slot a freed meeting may start at.</param>
/// <param name="EndSlot">One past the last slot a freed meeting may start at.</param>
/// <param name="Kind">Which kind of neighbourhood this is, for adapting the choice.</param>
internal sealed record Neighbourhood(IReadOnlySet<int> Free, int FirstSlot, int EndSlot, NeighbourhoodKind Kind);

/// <summary>The kinds of neighbourhood: who and when is freed.</summary>
internal enum NeighbourhoodKind
{
    /// <summary>The meetings of a few related people (an oversubscribed host and those they meet), across the event.</summary>
    People,

    /// <summary>The meetings of a few related people on one day.</summary>
    PeopleOneDay,

    /// <summary>Every meeting of a few hours of one day.</summary>
    Window,
}

/// <summary>
/// Chooses neighbourhoods that fit the problem: an oversubscribed host's requests compete for the host's hours, so
/// freeing the host together with the people they meet lets the search trade a light meeting for a heavy one; a
/// window frees everything that competes for rooms at those hours. Seeded, so the same seed gives the same sequence.
/// </summary>
internal sealed class Neighbourhoods
{
    private readonly SchedulingProblem problem;
    private readonly Random random;
    private readonly List<int>[] meetingsOf;

    /// <summary>A chooser over <paramref name="problem"/> drawing from <paramref name="seed"/>.</summary>
    public Neighbourhoods(SchedulingProblem problem, int seed)
    {
        this.problem = problem;
        random = new Random(seed);
        meetingsOf = new List<int>[problem.Event.Participants.Length];
        for (int p = 0; p < meetingsOf.Length; p++) meetingsOf[p] = new List<int>();
        foreach (var m in problem.Meetings)
            if (!m.Options.IsEmpty)
                foreach (int p in m.Participants) meetingsOf[p].Add(m.Index);
    }

    /// <summary>
    /// The next neighbourhood of <paramref name="incumbent"/>, freeing about <paramref name="size"/> meetings. People
    /// neighbourhoods start from a person drawn by <paramref name="personWeight"/> (default: the weight of their
    /// unplaced requests), so the search goes where there is something to gain.
    /// </summary>
    public Neighbourhood Next(IReadOnlyDictionary<int, Placement> incumbent, int size, NeighbourhoodKind kind, Func<int, double>? personWeight = null)
    {
        var grid = problem.Grid;
        switch (kind)
        {
            case NeighbourhoodKind.Window:
            {
                var day = grid.Days[random.Next(grid.Days.Length)];
                int width = Math.Max(4, Math.Min(day.SlotCount, day.SlotCount * size / Math.Max(1, DayLoad(incumbent, day.Index))));
                int first = day.FirstSlot + random.Next(Math.Max(1, day.SlotCount - width + 1));
                int end = Math.Min(day.FirstSlot + day.SlotCount, first + width);
                var free = new HashSet<int>();
                foreach (var (i, p) in incumbent)
                    if (p.Start >= first && p.Start < end) free.Add(i);
                foreach (var m in problem.Meetings)
                    if (!incumbent.ContainsKey(m.Index) && m.Options.Any(o => o.Start >= first && o.Start < end)) free.Add(m.Index);
                return new Neighbourhood(Trim(free, incumbent, size * 2), first, end, kind);
            }
            case NeighbourhoodKind.PeopleOneDay:
            {
                var day = grid.Days[random.Next(grid.Days.Length)];
                int first = day.FirstSlot, end = day.FirstSlot + day.SlotCount;
                return new Neighbourhood(Related(incumbent, size, first, end, personWeight), first, end, kind);
            }
            default:
                return new Neighbourhood(Related(incumbent, size, 0, grid.SlotCount, personWeight), 0, grid.SlotCount, kind);
        }
    }

    /// <summary>
    /// Starting from a person with unplaced requests (drawn by the weight they could still gain), the meetings of that
    /// person within the slots, then those of the people they meet, breadth first, until about <paramref name="size"/>.
    /// </summary>
    private HashSet<int> Related(IReadOnlyDictionary<int, Placement> incumbent, int size, int first, int end, Func<int, double>? personWeight)
    {
        bool InRange(int i) => incumbent.TryGetValue(i, out var p)
            ? p.Start >= first && p.Start < end
            : problem.Meetings[i].Options.Any(o => o.Start >= first && o.Start < end);
        var queue = new Queue<int>();
        var seen = new HashSet<int>();
        var free = new HashSet<int>();
        queue.Enqueue(SeedPerson(incumbent, personWeight));
        while (queue.Count > 0 && free.Count < size)
        {
            int person = queue.Dequeue();
            if (!seen.Add(person)) continue;
            var mine = meetingsOf[person].Where(InRange).OrderBy(_ => random.Next()).ToList();
            foreach (int i in mine)
            {
                if (free.Count >= size) break;
                if (!free.Add(i)) continue;
                foreach (int other in problem.Meetings[i].Participants)
                    if (!seen.Contains(other)) queue.Enqueue(other);
            }
        }
        return free;
    }

    /// <summary>A person drawn with probability proportional to 1 + <paramref name="personWeight"/> (default: the weight of their unplaced requests).</summary>
    private int SeedPerson(IReadOnlyDictionary<int, Placement> incumbent, Func<int, double>? personWeight)
    {
        var weights = new double[meetingsOf.Length];
        double total = 0;
        for (int p = 0; p < weights.Length; p++)
        {
            if (meetingsOf[p].Count == 0) continue;
            double gain = personWeight?.Invoke(p)
                ?? meetingsOf[p].Where(i => !incumbent.ContainsKey(i)).Sum(i => (double)problem.Meetings[i].Meeting.Weight);
            weights[p] = 1 + gain;
            total += weights[p];
        }
        double pick = random.NextDouble() * total;
        for (int p = 0; p < weights.Length; p++)
        {
            pick -= weights[p];
            if (pick < 0 && weights[p] > 0) return p;
        }
        return Array.FindLastIndex(weights, w => w > 0);
    }

    private int DayLoad(IReadOnlyDictionary<int, Placement> incumbent, int day) =>
        Math.Max(1, incumbent.Values.Count(p => problem.Grid.DayOf(p.Start) == day));

    /// <summary>At most <paramref name="most"/> meetings, placed ones first (they hold the hours), then unplaced by weight.</summary>
    private HashSet<int> Trim(HashSet<int> free, IReadOnlyDictionary<int, Placement> incumbent, int most)
    {
        if (free.Count <= most) return free;
        return free
            .OrderBy(i => incumbent.ContainsKey(i) ? 0 : 1)
            .ThenByDescending(i => problem.Meetings[i].Meeting.Weight)
            .ThenBy(_ => random.Next())
            .Take(most)
            .ToHashSet();
    }
}
