using System.Collections.Immutable;
using System.Diagnostics;
using NodaTime;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Time;

namespace Scheduler.Engine.Solving.Conflicts;

/// <summary>
/// Finds why the required meetings cannot all be placed: a few disjoint sets of them that cannot hold together,
/// each shrunk until dropping any one of its meetings makes the rest schedulable, and each with its binding rule.
/// </summary>
/// <remarks>
/// A required meeting with no option at all is a conflict by itself. For the others: one check with every one of them
/// assumed gives CP-SAT's sufficient assumptions; a deletion filter then tries to drop each meeting in turn and drops
/// it for good when the rest still cannot hold. A check that runs out of time keeps its meeting and marks the set as
/// not proven minimal. The meetings of a set found are then set aside and the rest searched again.
/// </remarks>
internal static class ConflictFinder
{
    /// <summary>The most conflicts reported: enough to act on, few enough to read.</summary>
    internal const int MaxConflicts = 5;

    /// <summary>
    /// Above this many options in the model of the checks, no search is made (only meetings without any option are
    /// reported): building it would cost more time and memory than the checks' budget is worth. Only events with
    /// thousands of required meetings, or with a spread cap (whose checks keep every meeting), come near it.
    /// </summary>
    internal const int MaxModelOptions = 100_000;

    /// <summary>Finds up to <see cref="MaxConflicts"/> conflicts within <paramref name="budget"/>; empty when all required meetings fit.</summary>
    /// <param name="ev">The event.</param>
    /// <param name="grid">Its time grid.</param>
    /// <param name="pools">Its room pools.</param>
    /// <param name="meetings">Every meeting's options, as the solve computed them.</param>
    /// <param name="budget">Time for all checks together; each check gets a share of it.</param>
    /// <param name="ct">Stops the checks; the conflicts found so far are returned.</param>
    /// <param name="deterministic">
    /// When true the budget is CP-SAT's deterministic time, not the wall clock's: the same conflicts on any machine
    /// and load, as <c>--deterministic</c> promises for the whole schedule file.
    /// </param>
    public static ImmutableArray<Conflict> Find(Event ev, TimeGrid grid, ImmutableArray<RoomPool> pools,
        ImmutableArray<MeetingOptions> meetings, Duration budget, CancellationToken ct, bool deterministic = false)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(grid);
        if (pools.IsDefault) throw new ArgumentException("The pools must be given.", nameof(pools));
        if (meetings.IsDefault) throw new ArgumentException("The meetings must be given.", nameof(meetings));
        if (budget <= Duration.Zero) throw new ArgumentOutOfRangeException(nameof(budget), budget, "The budget must be positive.");
        var found = new List<Conflict>();
        foreach (var m in meetings.Where(m => m.Meeting.Required && m.Options.IsEmpty).Take(MaxConflicts))
            found.Add(NoOptionRule.Explain(ev, grid, m));
        if (found.Count == MaxConflicts || !meetings.Any(m => m.Meeting.Required && !m.Options.IsEmpty)) return [.. found];

        if (AssumptionModel.OptionCount(ev, meetings) > MaxModelOptions) return [.. found];
        var clock = new Budget(budget, deterministic);
        var model = AssumptionModel.Build(ev, grid, pools, meetings);
        var active = new SortedSet<int>(model.Candidates);
        while (found.Count < MaxConflicts && active.Count > 0 && !ct.IsCancellationRequested)
        {
            var (verdict, core) = model.Check(active, clock.ForFirstCheck(), ct);
            if (verdict != Verdict.Infeasible) break;
            var (set, minimal) = Shrink(model, core, clock, ct);
            var (rule, explanation) = RuleClassifier.Classify(ev, grid, pools, meetings, set, clock, ct);
            found.Add(new Conflict([.. set.Select(i => ev.Meetings[i].Id)], rule, explanation, minimal));
            active.ExceptWith(set);
        }
        return [.. found];
    }

    /// <summary>
    /// The deletion filter. Invariant: <c>kept ∪ rest</c> cannot hold, and dropping any kept meeting from it makes the
    /// rest holdable (holding fewer required meetings is never harder, so that stays true as the set shrinks).
    /// </summary>
    private static (IReadOnlyList<int> Set, bool Minimal) Shrink(AssumptionModel model, IReadOnlyList<int> core, Budget clock, CancellationToken ct)
    {
        var kept = new List<int>();
        var rest = new List<int>(core);
        bool minimal = true;
        while (rest.Count > 0)
        {
            int item = rest[0];
            rest.RemoveAt(0);
            var trial = kept.Concat(rest).ToList();
            var (verdict, smaller) = trial.Count == 0 ? (Verdict.Feasible, []) : model.Check(trial, clock.ForCheck(), ct);
            switch (verdict)
            {
                case Verdict.Infeasible:
                    // A smaller core keeps every kept meeting (each is needed by any subset that cannot hold).
                    var inCore = smaller.ToHashSet();
                    rest = rest.Where(inCore.Contains).ToList();
                    break;
                case Verdict.Feasible:
                    kept.Add(item);
                    break;
                default:
                    kept.Add(item);
                    minimal = false;
                    break;
            }
        }
        kept.Sort();
        return (kept, minimal);
    }

    /// <summary>
    /// The budget shared by all checks of one search: wall-clock time, or in a deterministic search the deterministic
    /// time the checks report using.
    /// </summary>
    internal sealed class Budget(Duration total, bool deterministic = false)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private double used;

        /// <summary>
        /// The most one check may take: a quarter of the budget, between half a second and five seconds. Most checks
        /// take a fraction of that; the limit is for the rare hard one, which would otherwise starve the rest.
        /// </summary>
        private Duration PerCheck => Duration.FromTicks(Math.Clamp(total.BclCompatibleTicks / 4,
            Duration.FromMilliseconds(500).BclCompatibleTicks, Duration.FromSeconds(5).BclCompatibleTicks));

        private Duration Left => total - (deterministic ? Duration.FromSeconds(used) : Duration.FromTimeSpan(clock.Elapsed));

        /// <summary>The limit of an ordinary check: its share, or what is left when that is less.</summary>
        public CheckLimit ForCheck() => Limit(Min(PerCheck, Left));

        /// <summary>The check of all remaining meetings at once, the hardest: half of what is left, at least a share.</summary>
        public CheckLimit ForFirstCheck() => Limit(Min(Max(PerCheck, Left / 2), Left));

        private CheckLimit Limit(Duration seconds) => deterministic ? new CheckLimit(seconds, true, d => used += d) : seconds;

        private static Duration Min(Duration a, Duration b) => a < b ? a : b;

        private static Duration Max(Duration a, Duration b) => a > b ? a : b;
    }
}
