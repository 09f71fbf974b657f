using NodaTime;
using Scheduler.Cli.Samples;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;
using static Scheduler.Tests.Solving.Solver;

namespace Scheduler.Tests.Solving;

/// <summary>The embedded Moscow sample, solved briefly: every meeting left out says why and who stands in the way.</summary>
public sealed class ReasonsOnSampleTests
{
    [Fact]
    public void Every_unscheduled_meeting_of_the_sample_has_a_code_and_blockers()
    {
        var ev = EventFile.Parse(SampleEvent.Json).Value!;

        var schedule = MeetingScheduler.Solve(ev, new SolveOptions { TimeLimit = Duration.FromSeconds(5), Seed = 0, Workers = 1 }).Schedule;

        AssertValid(ev, schedule);
        Assert.NotEmpty(schedule.Unscheduled);
        Assert.All(schedule.Unscheduled, u =>
        {
            Assert.True(u.Code is not null, $"{u.Meeting} has no code");
            // A meeting whose languages no interpreter covers has nobody in its way but its own needs.
            bool uncovered = u.Code == ReasonCode.NoInterpreter && u.Reason.Contains("no interpreter works in a language", StringComparison.Ordinal);
            Assert.True(!u.Blockers.IsEmpty || uncovered, $"{u.Meeting} ({u.Code?.Text()}) names no blocker: {u.Reason}");
        });
        // Blockers are ids of the kind the code names.
        foreach (var u in schedule.Unscheduled)
        {
            foreach (var id in u.Blockers)
            {
                bool known = u.Code switch
                {
                    ReasonCode.Busy or ReasonCode.OutsideAvailability or ReasonCode.DailyLimit => ev.FindParticipant(id) is not null,
                    ReasonCode.RoomsFull or ReasonCode.RoomsUnavailable => ev.FindRoom(id) is not null,
                    ReasonCode.NoInterpreter => ev.FindInterpreter(id) is not null,
                    _ => ev.FindMeeting(id) is not null,
                };
                Assert.True(known, $"{u.Meeting}: blocker \"{id}\" is not a {u.Code?.Text()} blocker");
            }
        }
    }
}
