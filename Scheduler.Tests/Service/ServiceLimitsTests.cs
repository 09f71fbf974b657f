using System.Net;
using System.Text;
using System.Text.Json;
using Scheduler.Cli.Samples;
using Scheduler.Cli.Service;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Files;
using Scheduler.Tests.Cli;

namespace Scheduler.Tests.Service;

/// <summary>The service's limits (queue, keys, keeping time), its behaviour under many jobs, and its OpenAPI document.</summary>
public sealed class ServiceLimitsTests
{
    [Fact]
    public async Task More_waiting_jobs_than_allowed_are_refused_with_429()
    {
        await using var service = await RunningService.Start(new ServiceOptions { Runners = 1, MaxWaitingJobs = 1 });
        var running = await service.Submit(SampleEvent.Json, "timeLimit=600&workers=1");
        await service.WaitFor(running, j => j.GetProperty("status").GetString() == "running");
        var waiting = await service.Submit(TinyEvent.EventJson);

        using var refused = await service.Post("/v1/solve?timeLimit=5&workers=1", TinyEvent.EventJson);
        await ServiceAssert.Problems(refused, HttpStatusCode.TooManyRequests);

        // Once the waiting job is gone there is room again.
        using var cancel = await service.Client.DeleteAsync($"/v1/jobs/{waiting}");
        var accepted = await service.Submit(TinyEvent.EventJson);
        Assert.NotEqual(waiting, accepted);
        using var stop = await service.Client.DeleteAsync($"/v1/jobs/{running}");
        Assert.Equal("done", (await service.WaitForFinal(accepted)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task With_an_api_key_a_missing_or_wrong_bearer_key_is_a_401()
    {
        await using var service = await RunningService.Start(new ServiceOptions { ApiKey = "s3cret-key" });
        using var none = service.ClientWithKey(null);
        using var wrong = service.ClientWithKey("s3cret-kez");
        using var right = service.ClientWithKey("s3cret-key");
        var body = () => new StringContent(TinyEvent.EventJson, Encoding.UTF8, "application/json");

        using var missing = await none.PostAsync("/v1/check", body());
        await ServiceAssert.Problems(missing, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        using var wrongKey = await wrong.PostAsync("/v1/check", body());
        await ServiceAssert.Problems(wrongKey, HttpStatusCode.Unauthorized);
        using var wrongJob = await wrong.GetAsync("/v1/jobs/0123");
        await ServiceAssert.Problems(wrongJob, HttpStatusCode.Unauthorized);

        using var allowed = await right.PostAsync("/v1/check", body());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public void The_key_check_accepts_only_the_exact_key_after_bearer()
    {
        var check = new ApiKeyCheck("k3y");
        Assert.True(check.Matches("Bearer k3y"));
        Assert.True(check.Matches("bearer k3y"));
        Assert.False(check.Matches("Bearer k3y2"));
        Assert.False(check.Matches("Bearer k3"));
        Assert.False(check.Matches("Basic k3y"));
        Assert.False(check.Matches("k3y"));
        Assert.False(check.Matches(""));
    }

    [Fact]
    public async Task Fifty_concurrent_small_jobs_all_complete_with_valid_schedules()
    {
        await using var service = await RunningService.Start(new ServiceOptions { Runners = 2, MaxWaitingJobs = 50 });
        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => service.Submit(TinyEvent.EventJson, $"timeLimit=5&workers=1&seed={i}")));
        var jobs = await Task.WhenAll(ids.Select(service.WaitForFinal));

        Assert.Equal(50, ids.Distinct().Count());
        var ev = EventFile.Parse(TinyEvent.EventJson).Value!;
        foreach (var job in jobs)
        {
            Assert.Equal("done", job.GetProperty("status").GetString());
            var schedule = ScheduleFile.Parse(job.GetProperty("schedule").GetRawText()).Value!;
            Assert.True(ScheduleValidator.Check(ev, schedule).IsValid);
            Assert.Equal(8, schedule.ScheduledWeight);
        }

        Assert.Equal(50, service.Logs.Entries.Count(e => e.Values.ContainsKey("JobId")));
    }

    [Fact]
    public async Task Finished_jobs_are_dropped_after_the_keeping_time()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2021-06-22T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var service = await RunningService.Start(new ServiceOptions { KeepMinutes = 10, Clock = clock });
        var id = await service.Submit(TinyEvent.EventJson);
        await service.WaitForFinal(id);

        clock.Now += TimeSpan.FromMinutes(9);
        Assert.Equal(0, service.Queue.Sweep(clock.Now));
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync($"/v1/jobs/{id}")).StatusCode);
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(1, service.Queue.Sweep(clock.Now));
        using var gone = await service.Client.GetAsync($"/v1/jobs/{id}");
        await ServiceAssert.Problems(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_openapi_document_parses_and_names_every_endpoint()
    {
        await using var service = await RunningService.Start(new ServiceOptions { ApiKey = "key" });
        // The document is public: it describes the service, and a caller needs it to learn how to send the key.
        using var document = JsonDocument.Parse(await service.Client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["DELETE /v1/jobs/{id}", "GET /v1/jobs/{id}", "GET /v1/jobs/{id}/events", "POST /v1/check", "POST /v1/solve", "POST /v1/validate"],
            operations);
        var solveQuery = paths.GetProperty("/v1/solve").GetProperty("post").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["timeLimit", "seed", "workers", "deterministic", "safetyStop"], solveQuery);
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
