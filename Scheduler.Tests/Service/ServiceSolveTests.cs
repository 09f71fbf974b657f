using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scheduler.Cli.Samples;
using Scheduler.Cli.Service;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Files;
using Scheduler.Tests.Cli;

namespace Scheduler.Tests.Service;

/// <summary>Solve jobs through real HTTP: submit, poll, stream, cancel.</summary>
public sealed class ServiceSolveTests
{
    [Fact]
    public async Task Solve_then_poll_gives_a_valid_schedule_equal_to_the_command_lines()
    {
        await using var service = await RunningService.Start();
        using var response = await service.Post("/v1/solve?timeLimit=5&seed=0&workers=1", TinyEvent.EventJson);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = accepted.RootElement.GetProperty("id").GetString()!;
        Assert.Equal("queued", accepted.RootElement.GetProperty("status").GetString());
        Assert.Equal($"/v1/jobs/{id}", response.Headers.Location?.OriginalString);

        var job = await service.WaitForFinal(id);
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("meetings").GetInt32());
        var scheduleJson = job.GetProperty("schedule").GetRawText();
        var ev = EventFile.Parse(TinyEvent.EventJson).Value!;
        var schedule = ScheduleFile.Parse(scheduleJson).Value!;
        Assert.True(ScheduleValidator.Check(ev, schedule).IsValid);
        Assert.Equal(schedule.ScheduledWeight, job.GetProperty("progress").GetProperty("scheduledWeight").GetInt64());

        using var folder = new TempFolder();
        var cli = await CliRunner.Run("solve", folder.Write("tiny.json", TinyEvent.EventJson), "--time-limit", "5", "--seed", "0", "--workers", "1");
        Assert.Equal(0, cli.ExitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.Out), JsonNode.Parse(scheduleJson)), $"CLI:\n{cli.Out}\nservice:\n{scheduleJson}");
    }

    [Fact]
    public async Task A_deterministic_solve_gives_the_command_line_s_deterministic_schedule_with_two_workers()
    {
        var eventJson = EventFile.Write(
            Scheduler.Engine.Generation.ConferenceGenerator.Generate(Generation.GeneratorTests.SmallConference));
        await using var service = await RunningService.Start();
        // A safety stop far past any load the test machine sees: when it fires, the two runs may differ.
        var id = await service.Submit(eventJson, "timeLimit=1&seed=4&workers=2&deterministic=true&safetyStop=600");
        var job = await service.WaitForFinal(id);
        Assert.Equal("done", job.GetProperty("status").GetString());
        var scheduleJson = job.GetProperty("schedule").GetRawText();

        using var folder = new TempFolder();
        var cli = await CliRunner.Run("solve", folder.Write("conference.json", eventJson), "--time-limit", "1", "--seed", "4", "--workers", "2", "--deterministic", "--safety-stop", "600");

        Assert.Equal(0, cli.ExitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.Out), JsonNode.Parse(scheduleJson)), $"CLI:\n{cli.Out}\nservice:\n{scheduleJson}");
    }

    [Theory]
    [InlineData("deterministic=true&safetyStop=0")]
    [InlineData("deterministic=true&safetyStop=soon")]
    [InlineData("safetyStop=60")]
    public async Task A_safety_stop_that_is_not_positive_or_comes_without_deterministic_is_a_400_at_its_query_path(string query)
    {
        await using var service = await RunningService.Start();
        using var response = await service.Post($"/v1/solve?{query}", TinyEvent.EventJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("query.safetyStop", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deterministic_flag_that_is_not_true_or_false_is_a_400_at_its_query_path()
    {
        await using var service = await RunningService.Start();
        using var response = await service.Post("/v1/solve?deterministic=yes", TinyEvent.EventJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("query.deterministic", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_stream_sends_progress_then_an_end_event_and_closes()
    {
        await using var service = await RunningService.Start();
        var id = await service.Submit(TinyEvent.EventJson);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/jobs/{id}/events");
        using var response = await service.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        // ReadToEnd returns only because the server closes the stream after the end event.
        var text = await response.Content.ReadAsStringAsync();
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Select(lines => (Name: lines.First(l => l.StartsWith("event: ", StringComparison.Ordinal))[7..],
                Data: JsonDocument.Parse(lines.First(l => l.StartsWith("data: ", StringComparison.Ordinal))[6..]).RootElement))
            .ToList();
        Assert.Contains(events, e => e.Name == "progress" && e.Data.GetProperty("progress").TryGetProperty("scheduledWeight", out _));
        Assert.Equal("end", events[^1].Name);
        Assert.Equal("done", events[^1].Data.GetProperty("status").GetString());
        Assert.Single(events, e => e.Name == "end");
    }

    [Fact]
    public async Task Solve_accepts_the_event_wrapped_in_an_object_and_as_a_multipart_form_part()
    {
        await using var service = await RunningService.Start();
        var wrapped = await service.Submit($$"""{ "event": {{TinyEvent.EventJson}} }""");
        Assert.Equal("done", (await service.WaitForFinal(wrapped)).GetProperty("status").GetString());

        using var form = new MultipartFormDataContent();
        var part = new StringContent(TinyEvent.EventJson, Encoding.UTF8);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(part, "event", "tiny.json");
        using var response = await service.Client.PostAsync("/v1/solve?timeLimit=5&workers=1", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var job = await service.WaitForFinal(body.RootElement.GetProperty("id").GetString()!);
        Assert.Equal("done", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_it_and_keeps_a_valid_best_schedule()
    {
        await using var service = await RunningService.Start(new ServiceOptions { Runners = 1 });
        var id = await service.Submit(SampleEvent.Json, "timeLimit=600&workers=1");
        await service.WaitFor(id, j => j.GetProperty("status").GetString() == "running");

        using var cancel = await service.Client.DeleteAsync($"/v1/jobs/{id}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var job = await service.WaitForFinal(id);

        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        var ev = EventFile.Parse(SampleEvent.Json).Value!;
        var schedule = ScheduleFile.Parse(job.GetProperty("schedule").GetRawText()).Value!;
        Assert.True(ScheduleValidator.Check(ev, schedule).IsValid);
        Assert.Equal(ev.Meetings.Length, schedule.Assignments.Length + schedule.Unscheduled.Length);
    }

    [Fact]
    public async Task Cancelling_a_waiting_job_ends_it_at_once_without_a_schedule()
    {
        await using var service = await RunningService.Start(new ServiceOptions { Runners = 1 });
        var running = await service.Submit(SampleEvent.Json, "timeLimit=600&workers=1");
        await service.WaitFor(running, j => j.GetProperty("status").GetString() == "running");
        var waiting = await service.Submit(TinyEvent.EventJson);

        using var cancel = await service.Client.DeleteAsync($"/v1/jobs/{waiting}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var job = await service.Job(waiting);
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        Assert.False(job.TryGetProperty("schedule", out _));

        using var again = await service.Client.DeleteAsync($"/v1/jobs/{waiting}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var stop = await service.Client.DeleteAsync($"/v1/jobs/{running}");
        Assert.Equal("cancelled", (await service.WaitForFinal(running)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Shutting_down_cancels_running_jobs_and_keeps_their_best_schedules()
    {
        var service = await RunningService.Start(new ServiceOptions { Runners = 1 });
        var id = await service.Submit(SampleEvent.Json, "timeLimit=600&workers=1");
        await service.WaitFor(id, j => j.GetProperty("status").GetString() == "running");
        var queue = service.Queue;

        await service.DisposeAsync();

        var snapshot = queue.Find(id)!.Snapshot;
        Assert.Equal(JobState.Cancelled, snapshot.State);
        var ev = EventFile.Parse(SampleEvent.Json).Value!;
        Assert.True(ScheduleValidator.Check(ev, ScheduleFile.Parse(snapshot.ScheduleJson!).Value!).IsValid);
    }

    [Fact]
    public async Task Each_finished_job_writes_one_structured_log_line()
    {
        await using var service = await RunningService.Start();
        var id = await service.WaitForFinal(await service.Submit(TinyEvent.EventJson));
        var jobId = id.GetProperty("id").GetString();

        var entry = Assert.Single(service.Logs.Entries, e => e.Values.TryGetValue("JobId", out var v) && (string?)v == jobId);
        Assert.Equal(3, entry.Values["Meetings"]);
        Assert.Equal("done", entry.Values["Status"]);
        Assert.Equal(8L, entry.Values["Weight"]);
        Assert.Equal(8L, entry.Values["Bound"]);
        Assert.True(entry.Values.ContainsKey("Seconds"));
    }
}
