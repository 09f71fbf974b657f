using System.Collections.Immutable;
using NodaTime;
using Scheduler.Cli.Samples;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Interpreters;

/// <summary>The embedded Moscow sample with its interpreters: scheduled with them, and explaining what one fewer costs.</summary>
public sealed class InterpreterSampleTests
{
    private static readonly Event Sample = EventFile.Parse(SampleEvent.Json).Value!;

    [Fact]
    public void The_sample_has_languages_and_a_pool_of_interpreters()
    {
        Assert.True(Sample.Interpreters.Length >= 10);
        Assert.All(Sample.Participants, p => Assert.False(p.Languages.IsEmpty));
        Assert.True(Sample.Meetings.Count(m => Interpretation.Needs(Sample, m)) > 100);
    }

    [Fact]
    public void Without_the_only_Persian_interpreter_the_Iranian_talks_with_Russians_lose_out_with_no_interpreter()
    {
        var ev = Without(Sample, "Reza Karimi");
        var schedule = MeetingScheduler.Solve(ev, new SolveOptions { TimeLimit = Duration.FromSeconds(2), Seed = 0, Workers = 1 }).Schedule;
        AssertValid(ev, schedule);
        var iranian = ev.Meetings.Where(m => m.Participants.Contains("mod-iran") && Interpretation.Needs(ev, m)).Select(m => m.Id).ToList();
        Assert.NotEmpty(iranian);
        foreach (var id in iranian)
        {
            var u = Assert.Single(schedule.Unscheduled, u => u.Meeting == id);
            Assert.Equal(ReasonCode.NoInterpreter, u.Code);
            Assert.Contains("needs interpretation", u.Reason, StringComparison.Ordinal);
        }

        // With the full pool they can be held (first fit, which does not depend on the clock, places some), and a solve
        // interprets every scheduled meeting that needs it.
        Assert.Contains(Scheduler.Engine.Baselines.FirstFit.Run(Sample, Scheduler.Engine.Time.TimeGrid.Build(Sample)).Assignments, a => iranian.Contains(a.Meeting));
        var full = MeetingScheduler.Solve(Sample, new SolveOptions { TimeLimit = Duration.FromSeconds(2), Seed = 0, Workers = 1 }).Schedule;
        AssertValid(Sample, full);
        Assert.All(full.Assignments.Where(a => Interpretation.Needs(Sample, Sample.FindMeeting(a.Meeting)!)), a => Assert.NotEmpty(a.Interpreters));
    }

    private static Event Without(Event ev, string interpreterName) =>
        Event.Create(ev.Name, ev.Zone, ev.Grain, ev.Days, ev.Breaks, ev.Buildings, ev.TravelTimes, ev.Rooms, ev.Delegations,
            ev.Participants, ev.Meetings, ev.Objective, [.. ev.Interpreters.Where(i => i.Name != interpreterName)]).Value!;
}
