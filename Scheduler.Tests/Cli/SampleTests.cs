using Scheduler.Cli.Samples;
using Scheduler.Engine.Files;

namespace Scheduler.Tests.Cli;

public sealed class SampleTests
{
    [Fact]
    public void Sample_is_a_valid_event_file()
    {
        var read = EventFile.Parse(SampleEvent.Json);

        Assert.Empty(read.Problems);
        var ev = read.Value!;
        Assert.Equal("Europe/Moscow", ev.Zone.Id);
        Assert.Equal(3, ev.Days.Length);
        Assert.InRange(ev.Meetings.Length, 350, 450);
        Assert.InRange(ev.Participants.Length, 60, 70);
    }

    [Fact]
    public void Sample_validates_against_the_event_file_schema() =>
        Assert.Empty(Scheduler.Tests.Files.SchemaTests.EventViolations(SampleEvent.Json));

    [Fact]
    public void Sample_holds_the_meetings_the_conference_is_known_for()
    {
        var ev = EventFile.Parse(SampleEvent.Json).Value!;

        foreach (var id in new[] { "un-mod", "un-mfa", "un-mvd", "osce-mfa", "myanmar-sc", "sudan-svr" })
            Assert.True(ev.FindMeeting(id)!.Required, id);
        Assert.Equal("s2", ev.FindMeeting("myanmar-sc")!.Pin!.Room);
        Assert.Contains("secure", ev.FindMeeting("sudan-svr")!.RequiredFeatures);
        var dayTwo = ev.FindParticipant("ibrahim")!.Available.Single().Start.InZone(ev.Zone).LocalDateTime;
        Assert.Equal(new NodaTime.LocalDateTime(2021, 6, 23, 9, 0), dayTwo);
        var plenary = new NodaTime.LocalDateTime(2021, 6, 22, 10, 0).InZoneStrictly(ev.Zone).ToInstant();
        Assert.Contains(ev.FindParticipant("shoigu")!.Busy, b => b.Start == plenary);
        // 49 visiting countries, five host bodies, six international organisations.
        Assert.Equal(60, ev.Delegations.Length);
        // Demand for the defence minister far exceeds what three days of his time can hold.
        Assert.True(ev.Meetings.Count(m => m.Participants.Contains("shoigu")) > 3 * ev.FindParticipant("shoigu")!.MaxMeetingsPerDay);
    }

    [Fact]
    public async Task Sample_command_writes_the_embedded_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("moscow.json");

        var toStdout = await CliRunner.Run("sample");
        var toFile = await CliRunner.Run("sample", "-o", path);

        Assert.Equal(0, toStdout.ExitCode);
        Assert.Equal(SampleEvent.Json, toStdout.Out);
        Assert.Equal(0, toFile.ExitCode);
        Assert.Equal(SampleEvent.Json, File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }
}
