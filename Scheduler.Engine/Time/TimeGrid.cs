using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Time;

/// <summary>
/// The event's days cut into real-time slots of the grain. Slot <c>k</c> of a day is
/// <c>[dayStart + k·grain, dayStart + (k+1)·grain)</c> in real time, so a DST day has its true length.
/// Only slots wholly inside the day's hours exist; a slot that intersects a break exists but is marked as a break.
/// Slots are numbered globally, day after day, in the order of <see cref="Days"/> (sorted by date).
/// </summary>
public sealed class TimeGrid
{
    private readonly ImmutableArray<Instant> starts;
    private readonly ImmutableArray<int> dayOfSlot;
    private readonly ImmutableArray<bool> isBreak;
    private readonly Dictionary<Instant, int> slotByStart;

    private TimeGrid(Duration grain, ImmutableArray<GridDay> days, ImmutableArray<Instant> starts,
        ImmutableArray<int> dayOfSlot, ImmutableArray<bool> isBreak)
    {
        Grain = grain;
        Days = days;
        this.starts = starts;
        this.dayOfSlot = dayOfSlot;
        this.isBreak = isBreak;
        slotByStart = new Dictionary<Instant, int>(starts.Length);
        for (int i = 0; i < starts.Length; i++) slotByStart[starts[i]] = i;
    }

    /// <summary>The grain: every slot's real length.</summary>
    public Duration Grain { get; }

    /// <summary>The days, sorted by date.</summary>
    public ImmutableArray<GridDay> Days { get; }

    /// <summary>The number of slots over all days, break slots included.</summary>
    public int SlotCount => starts.Length;

    /// <summary>Builds the grid of <paramref name="ev"/>.</summary>
    public static TimeGrid Build(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var days = ImmutableArray.CreateBuilder<GridDay>();
        var starts = ImmutableArray.CreateBuilder<Instant>();
        var dayOf = ImmutableArray.CreateBuilder<int>();
        var breakFlags = ImmutableArray.CreateBuilder<bool>();
        foreach (var day in ev.Days.OrderBy(d => d.Date))
        {
            var hours = day.Hours(ev.Zone);
            var breaks = ev.Breaks.Select(b => b.On(day.Date, ev.Zone)).Where(b => b.Start < b.End).ToList();
            int first = starts.Count;
            for (var t = hours.Start; t + ev.Grain <= hours.End; t += ev.Grain)
            {
                var end = t + ev.Grain;
                starts.Add(t);
                dayOf.Add(days.Count);
                breakFlags.Add(breaks.Any(b => b.Start < end && t < b.End));
            }
            days.Add(new GridDay(days.Count, day.Date, hours, first, starts.Count - first));
        }
        return new TimeGrid(ev.Grain, days.ToImmutable(), starts.ToImmutable(), dayOf.ToImmutable(), breakFlags.ToImmutable());
    }

    /// <summary>The start instant of <paramref name="slot"/>.</summary>
    public Instant SlotStart(int slot) => starts[slot];

    /// <summary>The real-time interval of <paramref name="slot"/>.</summary>
    public Interval SlotInterval(int slot) => new(starts[slot], starts[slot] + Grain);

    /// <summary>The index into <see cref="Days"/> of the day holding <paramref name="slot"/>.</summary>
    public int DayOf(int slot) => dayOfSlot[slot];

    /// <summary>True when <paramref name="slot"/> intersects a break: no meeting may use it and it is no slot for idle gaps.</summary>
    public bool IsBreak(int slot) => isBreak[slot];

    /// <summary>The slot that starts exactly at <paramref name="instant"/>, or null when none does (off the grain or outside the days).</summary>
    public int? SlotStartingAt(Instant instant) => slotByStart.TryGetValue(instant, out var s) ? s : null;

    /// <summary>The number of grain slots in <paramref name="duration"/>; the duration must be a positive multiple of the grain.</summary>
    public int SlotsIn(Duration duration)
    {
        if (duration <= Duration.Zero || duration.BclCompatibleTicks % Grain.BclCompatibleTicks != 0)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Not a positive multiple of the grain.");
        return (int)(duration.BclCompatibleTicks / Grain.BclCompatibleTicks);
    }

    /// <summary>The fewest whole slots that last at least <paramref name="duration"/> (zero for a duration of zero or less).</summary>
    public int SlotsCovering(Duration duration)
    {
        long grain = Grain.BclCompatibleTicks;
        return duration <= Duration.Zero ? 0 : (int)((duration.BclCompatibleTicks + grain - 1) / grain);
    }

    /// <summary>
    /// True when a meeting of <paramref name="length"/> slots may start at <paramref name="slot"/> as far as the grid goes:
    /// it stays inside the slot's day and uses no break slot.
    /// </summary>
    public bool FitsAt(int slot, int length)
    {
        if (length <= 0) throw new ArgumentOutOfRangeException(nameof(length), length, "Must be positive.");
        var day = Days[dayOfSlot[slot]];
        if (slot + length > day.FirstSlot + day.SlotCount) return false;
        for (int s = slot; s < slot + length; s++)
            if (isBreak[s]) return false;
        return true;
    }
}

/// <summary>One day of the grid: its hours and its slots <c>[FirstSlot, FirstSlot + SlotCount)</c>.</summary>
/// <param name="Index">Position in <see cref="TimeGrid.Days"/>.</param>
/// <param name="Date">The local date.</param>
/// <param name="Hours">Opening hours as instants.</param>
/// <param name="FirstSlot">Global index of the day's first slot.</param>
/// <param name="SlotCount">Number of slots of the day, break slots included.</param>
public sealed record GridDay(int Index, LocalDate Date, Interval Hours, int FirstSlot, int SlotCount);
