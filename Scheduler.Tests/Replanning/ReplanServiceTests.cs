using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Files;
using Scheduler.Tests.Cli;
using Scheduler.Tests.Service;

namespace Scheduler.Tests.Replanning;

/// <summary>Replanning through the HTTP service: the previous schedule reaches the engine.</summary>
public sealed class ReplanServiceTests
{
    [Fact]
    public async Task A_previous_schedule_in_the_wrapper_replans_and_the_schedule_has_its_changes()
    {
        await using var service = await RunningService.Start();
        var id = await service.Submit($$"""{ "event": {{TinyEvent.EventJson}}, "previous": {{TinyEvent.ScheduleJson}} }""", "timeLimit=5&workers=1&deterministic=true");
        var job = await service.WaitForFinal(id);

        Assert.Equal("done", job.GetProperty("status").GetString());
        var schedule = ScheduleFile.Parse(job.GetProperty("schedule").GetRawText()).Value!;
        var ev = EventFile.Parse(TinyEvent.EventJson).Value!;
        Assert.True(ScheduleValidator.CheckReplan(ev, ScheduleFile.Parse(TinyEvent.ScheduleJson).Value!, schedule).IsValid);
        Assert.Equal(2, schedule.Changes!.Kept);
        Assert.Equal(8m, schedule.ObjectiveValue);
    }

    [Fact]
    public async Task A_previous_schedule_as_a_form_part_replans_too()
    {
        await using var service = await RunningService.Start();
        using var form = new MultipartFormDataContent();
        foreach (var (name, text) in new[] { ("event", TinyEvent.EventJson), ("previous", TinyEvent.ScheduleJson) })
        {
            var part = new StringContent(text, Encoding.UTF8);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(part, name, name + ".json");
        }

        using var response = await service.Client.PostAsync("/v1/solve?timeLimit=5&workers=1", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var job = await service.WaitForFinal(body.RootElement.GetProperty("id").GetString()!);
        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.True(job.GetProperty("schedule").TryGetProperty("changes", out _));
    }

    [Fact]
    public async Task A_previous_schedule_of_another_event_is_a_400_at_previous_event()
    {
        await using var service = await RunningService.Start();
        var other = TinyEvent.ScheduleJson.Replace("\"Tiny summit\"", "\"Big summit\"", StringComparison.Ordinal);
        using var response = await service.Post("/v1/solve", $$"""{ "event": {{TinyEvent.EventJson}}, "previous": {{other}} }""");

        var problem = Assert.Single(await ServiceAssert.Problems(response, HttpStatusCode.BadRequest));
        Assert.Equal("previous.event", problem.Path);
        Assert.Contains("\"Big summit\"", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, service.Queue.Waiting);
    }

    [Fact]
    public async Task A_previous_that_is_not_a_schedule_file_is_a_400_under_previous()
    {
        await using var service = await RunningService.Start();
        using var response = await service.Post("/v1/solve", $$"""{ "event": {{TinyEvent.EventJson}}, "previous": {{TinyEvent.EventJson}} }""");

        var problems = await ServiceAssert.Problems(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.StartsWith("previous", p.Path, StringComparison.Ordinal));
    }
}
