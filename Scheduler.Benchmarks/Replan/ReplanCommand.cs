using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Generation;
using Scheduler.Engine.Solving;

namespace Scheduler.Benchmarks.Replan;

/// <summary>
/// <c>replan [--only sample|conference] [--sample-seconds S] [--conference-seconds S] [--workers N] [--deterministic [--safety S]] [--dump DIR]</c>: the three disruptions of issue 11 on the
/// sample and on the generated conference, each replanned from a first solve and solved afresh, as a Markdown table:
/// moves of the replan and of a fresh solve against the published schedule, seconds, status, objective and bound.
/// Every schedule is checked by the validator (replan rules included) before a figure is printed. With <c>--dump</c>
/// the published schedule and each changed event are written to DIR, so one replan can be rerun with the CLI. With
/// <c>--deterministic</c> every solve (the published one too) is deterministic, so the rows do not depend on the
/// load (<c>--safety S</c> moves their wall-clock safety stop, which a loaded machine can otherwise reach).
/// </summary>
internal static class ReplanCommand
{
    /// <summary>The number after <paramref name="name"/> in <paramref name="args"/>, or <paramref name="fallback"/>.</summary>
    internal static double NumberOption(string[] args, string name, double fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    public static int Run(string[] args)
    {
        double Option(string name, double fallback) => NumberOption(args, name, fallback);
        var workers = (int)Option("--workers", 2);
        var sample = EventFile.Parse(Scheduler.Cli.Samples.SampleEvent.Json).Value!;
        Console.WriteLine("| event | disruption | replan moves / dropped / added | fresh solve moves / dropped | replan s | status | objective / bound |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1] : null;
        var dump = Array.IndexOf(args, "--dump") is var d and >= 0 && d + 1 < args.Length ? args[d + 1] : null;
        bool deterministic = args.Contains("--deterministic");
        Duration? safety = args.Contains("--safety") ? Duration.FromSeconds(Option("--safety", 0)) : null;
        bool valid = true;
        if (only is null or "sample") valid &= Measure("sample", sample, Duration.FromSeconds(Option("--sample-seconds", 10)), workers, dump, deterministic, safety);
        if (only is null or "conference")
            valid &= Measure("generated conference", ConferenceGenerator.Generate(new ConferenceOptions()), Duration.FromSeconds(Option("--conference-seconds", 30)), workers, dump,
                deterministic, safety);
        return valid ? 0 : 1;
    }

    private static bool Measure(string name, Event ev, Duration limit, int workers, string? dump, bool deterministic, Duration? safety)
    {
        var options = new SolveOptions { TimeLimit = limit, Workers = workers, Seed = 1, Deterministic = deterministic, SafetyLimit = safety };
        var published = MeetingScheduler.Solve(ev, options).Schedule;
        string stem = name.Split(' ')[^1];
        if (dump is not null)
        {
            Directory.CreateDirectory(dump);
            File.WriteAllText(Path.Combine(dump, $"{stem}-published.json"), ScheduleFile.Write(published, ev));
        }

        bool valid = true;
        int number = 0;
        foreach (var (label, changed) in Disruptions(ev, published))
        {
            number++;
            if (dump is not null) File.WriteAllText(Path.Combine(dump, $"{stem}-{(char)('a' + number - 1)}.json"), EventFile.Write(changed));
            var check = PublishedSchedule.Check(changed, published);
            if (check.Value is not { } previous)
            {
                Console.WriteLine($"| {name} | {label} | input error: {check.Problems[0]} | | | | |");
                continue;
            }

            var clock = Stopwatch.StartNew();
            var replan = MeetingScheduler.Solve(changed, options with { Previous = previous }).Schedule;
            var seconds = clock.Elapsed.TotalSeconds;
            var fresh = MeetingScheduler.Solve(changed, options).Schedule;
            valid &= ScheduleValidator.CheckReplan(changed, published, replan).IsValid && ScheduleValidator.Check(changed, fresh).IsValid;
            var c = replan.Changes!;
            var f = ScheduleChanges.Between(changed, published, fresh);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {label} | {c.Moved.Length} / {c.Dropped.Length} / {c.Added.Length} | {f.Moved.Length} / {f.Dropped.Length} | {seconds:0.0} | {replan.Status.ToString().ToLowerInvariant()} | {replan.ObjectiveValue:0.##} / {replan.ObjectiveBound:0.##} |"));
        }

        return valid;
    }

    /// <summary>(a) the busiest participant of day 1 unavailable that day; (b) 10 new requests; (c) the busiest room unavailable on day 1's afternoon.</summary>
    private static IEnumerable<(string Label, Event Changed)> Disruptions(Event ev, Schedule published)
    {
        var day = ev.Days.OrderBy(d => d.Date).First();
        var hours = new Interval(day.StartInstant(ev.Zone), day.EndInstant(ev.Zone));
        var onDay = published.Assignments.Where(a => hours.Contains(a.Start)).ToList();

        var host = onDay.SelectMany(a => ev.FindMeeting(a.Meeting)!.Participants).GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var people = ev.Participants.Select(p => p.Id == host ? p with { Busy = [.. p.Busy, hours] } : p).ToImmutableArray();
        yield return ($"{host} unavailable on day 1", ev.With(people, ev.Rooms, ev.Meetings));

        var random = new Random(11);
        var meets = ev.Meetings.Select(m => string.Join("|", m.Participants.Order(StringComparer.Ordinal))).ToHashSet(StringComparer.Ordinal);
        var added = new List<MeetingRequest>();
        while (added.Count < 10)
        {
            var a = ev.Participants[random.Next(ev.Participants.Length)];
            var b = ev.Participants[random.Next(ev.Participants.Length)];
            if (a.Id == b.Id || a.Delegation == b.Delegation || !meets.Add(string.Join("|", new[] { a.Id, b.Id }.Order(StringComparer.Ordinal)))) continue;
            added.Add(new MeetingRequest($"new-{added.Count + 1}", $"{a.Name} - {b.Name}", [a.Id, b.Id], Duration.FromMinutes(30), false, 5, 2, [], [], null, []));
        }

        yield return ("10 new requests", ev.With(ev.Participants, ev.Rooms, [.. ev.Meetings, .. added]));

        var room = onDay.GroupBy(a => a.Room).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var afternoon = new Interval(day.Date.At(new LocalTime(14, 0)).InZoneStrictly(ev.Zone).ToInstant(), hours.End);
        var rooms = ev.Rooms.Select(r => r.Id == room ? r with { Unavailable = [.. r.Unavailable, afternoon] } : r).ToImmutableArray();
        yield return ($"room {room} unavailable on day 1 from 14:00", ev.With(ev.Participants, rooms, ev.Meetings));
    }
}
