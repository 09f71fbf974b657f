using System.Net;
using System.Text;
using System.Text.Json;
using Scheduler.Cli.Service;
using Scheduler.Tests.Cli;

namespace Scheduler.Tests.Service;

/// <summary>What the service says about unusable requests, and its validate and check answers.</summary>
public sealed class ServiceInputTests : IAsyncLifetime
{
    private RunningService service = null!;

    public async Task InitializeAsync() => service = await RunningService.Start(new ServiceOptions { MaxBodyBytes = 64 * 1024 });

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task Malformed_json_is_a_400_at_the_root_with_the_command_lines_message()
    {
        using var folder = new TempFolder();
        var cli = await CliRunner.Run("solve", folder.Write("bad.json", "{ \"schemaVersion\": 1,"));
        using var response = await service.Post("/v1/solve", "{ \"schemaVersion\": 1,");

        var problem = Assert.Single(await ServiceAssert.Problems(response, HttpStatusCode.BadRequest));
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("malformed JSON at line 1", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"bad.json: {problem.Message}", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_of_the_event_is_listed_by_json_path_as_the_command_line_words_it()
    {
        using var folder = new TempFolder();
        var cli = await CliRunner.Run("solve", folder.Write("event.json", TinyEvent.EventWithUnknownParticipant));
        using var response = await service.Post("/v1/solve?timeLimit=0&seed=x&workers=999", TinyEvent.EventWithUnknownParticipant);

        var problems = await ServiceAssert.Problems(response, HttpStatusCode.BadRequest);
        Assert.Equal(["query.timeLimit", "query.seed", "query.workers", "meetings[1].participants[1]"], problems.Select(p => p.Path));
        Assert.Contains($"event.json: meetings[1].participants[1]: {problems[3].Message}", cli.Error, StringComparison.Ordinal);
        Assert.Equal(0, service.Queue.Waiting);
    }

    [Fact]
    public async Task Problems_inside_a_wrapped_event_carry_the_event_prefix()
    {
        using var response = await service.Post("/v1/solve", $$"""{ "event": {{TinyEvent.EventWithUnknownParticipant}}, "extra": 1 }""");

        var problems = await ServiceAssert.Problems(response, HttpStatusCode.BadRequest);
        Assert.Equal(["extra", "event.meetings[1].participants[1]"], problems.Select(p => p.Path));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413()
    {
        var padding = new string(' ', 100 * 1024);
        using var response = await service.Post("/v1/solve", TinyEvent.EventJson + padding);
        await ServiceAssert.Problems(response, HttpStatusCode.RequestEntityTooLarge);

        // Without a Content-Length the limit is met while reading.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/v1/check")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(TinyEvent.EventJson + padding))),
        };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Content.Headers.ContentType = new("application/json");
        using var chunkedResponse = await service.Client.SendAsync(chunked);
        await ServiceAssert.Problems(chunkedResponse, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_that_says_what_to_send()
    {
        using var response = await service.Client.PostAsync("/v1/check", new StringContent(TinyEvent.EventJson, Encoding.UTF8, "text/plain"));
        await ServiceAssert.Problems(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Validate_lists_the_violations_of_a_schedule_and_accepts_a_valid_one()
    {
        using var broken = await service.Post("/v1/validate", $$"""{ "event": {{TinyEvent.EventJson}}, "schedule": {{TinyEvent.ScheduleInBreak}} }""");
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        using (var answer = JsonDocument.Parse(await broken.Content.ReadAsStringAsync()))
        {
            Assert.False(answer.RootElement.GetProperty("valid").GetBoolean());
            var rules = answer.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()).ToList();
            Assert.Contains("break", rules);
        }

        using var valid = await service.Post("/v1/validate", $$"""{ "event": {{TinyEvent.EventJson}}, "schedule": {{TinyEvent.ScheduleJson}} }""");
        using var validAnswer = JsonDocument.Parse(await valid.Content.ReadAsStringAsync());
        Assert.True(validAnswer.RootElement.GetProperty("valid").GetBoolean());
        Assert.Empty(validAnswer.RootElement.GetProperty("violations").EnumerateArray());
        Assert.Equal(8, validAnswer.RootElement.GetProperty("scheduledWeight").GetInt64());
    }

    [Fact]
    public async Task Validate_with_unreadable_documents_is_a_400_naming_each_by_its_part()
    {
        var schedule = TinyEvent.ScheduleJson.Replace("\"optimal\"", "\"perfect\"", StringComparison.Ordinal);
        using var response = await service.Post("/v1/validate", $$"""{ "event": {{TinyEvent.EventWithUnknownParticipant}}, "schedule": {{schedule}} }""");

        var problems = await ServiceAssert.Problems(response, HttpStatusCode.BadRequest);
        Assert.Equal(["event.meetings[1].participants[1]", "schedule.status"], problems.Select(p => p.Path));

        using var missing = await service.Post("/v1/validate", $$"""{ "event": {{TinyEvent.EventJson}} }""");
        var missingProblem = Assert.Single(await ServiceAssert.Problems(missing, HttpStatusCode.BadRequest));
        Assert.Equal("missing required field \"schedule\"", missingProblem.Message);
    }

    [Fact]
    public async Task Validate_and_check_accept_the_documents_as_multipart_form_parts()
    {
        using var validateForm = new MultipartFormDataContent
        {
            { new StringContent(TinyEvent.EventJson, Encoding.UTF8, "application/json"), "event", "event.json" },
            { new StringContent(TinyEvent.ScheduleInBreak, Encoding.UTF8, "application/json"), "schedule", "schedule.json" },
        };
        using var validated = await service.Client.PostAsync("/v1/validate", validateForm);
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        using (var answer = JsonDocument.Parse(await validated.Content.ReadAsStringAsync()))
            Assert.False(answer.RootElement.GetProperty("valid").GetBoolean());

        using var checkForm = new MultipartFormDataContent
        {
            { new StringContent(TinyEvent.EventWithUnknownParticipant, Encoding.UTF8, "application/json"), "event", "event.json" },
        };
        using var checkedEvent = await service.Client.PostAsync("/v1/check", checkForm);
        using var checkAnswer = JsonDocument.Parse(await checkedEvent.Content.ReadAsStringAsync());
        var problem = Assert.Single(checkAnswer.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("event.meetings[1].participants[1]", problem.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Check_lists_the_input_problems_of_an_event_file_or_none()
    {
        using var bad = await service.Post("/v1/check", TinyEvent.EventWithUnknownParticipant);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        using (var answer = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
        {
            Assert.False(answer.RootElement.GetProperty("valid").GetBoolean());
            var problem = Assert.Single(answer.RootElement.GetProperty("problems").EnumerateArray());
            Assert.Equal("meetings[1].participants[1]", problem.GetProperty("path").GetString());
            Assert.Equal("no participant \"shoigu2\"", problem.GetProperty("message").GetString());
        }

        using var good = await service.Post("/v1/check", TinyEvent.EventJson);
        using var goodAnswer = JsonDocument.Parse(await good.Content.ReadAsStringAsync());
        Assert.True(goodAnswer.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(3, goodAnswer.RootElement.GetProperty("meetings").GetInt32());
    }

    [Fact]
    public async Task An_unknown_job_is_a_404_for_every_job_endpoint()
    {
        using var get = await service.Client.GetAsync("/v1/jobs/0123456789abcdef");
        await ServiceAssert.Problems(get, HttpStatusCode.NotFound);
        using var events = await service.Client.GetAsync("/v1/jobs/0123456789abcdef/events");
        await ServiceAssert.Problems(events, HttpStatusCode.NotFound);
        using var delete = await service.Client.DeleteAsync("/v1/jobs/0123456789abcdef");
        await ServiceAssert.Problems(delete, HttpStatusCode.NotFound);
    }
}
