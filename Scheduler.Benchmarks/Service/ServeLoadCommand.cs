using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Scheduler.Benchmarks.Quality;
using Scheduler.Cli.Service;
using Scheduler.Engine.Checking;
using Scheduler.Engine.Files;
using Scheduler.Engine.Generation;

namespace Scheduler.Benchmarks.Service;

/// <summary>
/// The <c>serve-load [--jobs N] [--requests N] [--time-limit S]</c> mode: starts the real HTTP service in this
/// process on a free loopback port, fires N concurrent solves of a generated conference (each with one search
/// worker), follows each job's event stream to its end, checks every schedule with the validator, and prints
/// throughput, latency percentiles, errors and the process's working set (idle before, peak during, idle after).
/// </summary>
internal static class ServeLoadCommand
{
    public static async Task<int> Run(string[] args)
    {
        int jobs = 50, requests = 30;
        double timeLimit = 1;
        for (var i = 0; i < args.Length; i++)
        {
            var ok = i + 1 < args.Length && args[i] switch
            {
                "--jobs" => int.TryParse(args[++i], CultureInfo.InvariantCulture, out jobs) && jobs > 0,
                "--requests" => int.TryParse(args[++i], CultureInfo.InvariantCulture, out requests) && requests > 0,
                "--time-limit" => double.TryParse(args[++i], CultureInfo.InvariantCulture, out timeLimit) && timeLimit > 0,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine("usage: serve-load [--jobs N] [--requests N] [--time-limit SECONDS]");
                return 2;
            }
        }

        var ev = ConferenceGenerator.Generate(new ConferenceOptions { Seed = 1, Requests = requests, Delegates = Math.Max(4, requests * 2), Rooms = 4, Days = 1 });
        var eventJson = EventFile.Write(ev);
        var options = new ServiceOptions { Urls = "http://127.0.0.1:0", MaxWaitingJobs = jobs, KeepMinutes = 10 };
        await using var app = ServiceApp.Build(options, logging => { });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(ServiceApp.Addresses(app).Single()), Timeout = TimeSpan.FromMinutes(10) };
        var query = string.Create(CultureInfo.InvariantCulture, $"/v1/solve?timeLimit={timeLimit}&workers=1&seed=0");

        // One job first, so JIT and the native solver's loading are not counted as load.
        var warmUp = await SolveOne(client, query, eventJson, ev);
        var idleBefore = IdleWorkingSet();
        Console.WriteLine($"serve-load: {jobs} concurrent solves of a generated conference, {ev.Meetings.Length} requests, "
            + $"{ev.Participants.Length} participants, {ev.Rooms.Length} rooms; time limit {timeLimit:0.##} s, 1 worker each; "
            + $"{options.Runners} solvers (one per core); warm-up job {warmUp.Status} in {warmUp.Completed.TotalSeconds:0.00} s");

        JobOutcome[] outcomes;
        var clock = Stopwatch.StartNew();
        long peak;
        using (var sampler = new PeakMemorySampler())
        {
            outcomes = await Task.WhenAll(Enumerable.Range(0, jobs).Select(_ => SolveOne(client, query, eventJson, ev)));
            peak = sampler.PeakBytes;
        }

        var wall = clock.Elapsed;
        var idleAfter = IdleWorkingSet();
        var errors = outcomes.Where(o => o.Error is not null).ToList();
        var accepted = outcomes.Select(o => o.Accepted.TotalMilliseconds).Order().ToArray();
        var completed = outcomes.Select(o => o.Completed.TotalSeconds).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            wall time            {wall.TotalSeconds:0.00} s
            throughput           {jobs / wall.TotalSeconds:0.00} jobs/s
            accept latency       p50 {Percentile(accepted, 50):0.0} ms, p99 {Percentile(accepted, 99):0.0} ms (POST to 202)
            completion latency   p50 {Percentile(completed, 50):0.00} s, p99 {Percentile(completed, 99):0.00} s (POST to the stream's end event, queueing included)
            statuses             {string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))}
            errors               {errors.Count}
            working set          idle before {Mb(idleBefore)} MB, peak {Mb(peak)} MB, idle after {Mb(idleAfter)} MB
            """));
        foreach (var error in errors.Take(5)) Console.WriteLine($"error: {error.Error}");
        await app.StopAsync();
        return errors.Count == 0 ? 0 : 1;
    }

    private sealed record JobOutcome(TimeSpan Accepted, TimeSpan Completed, string Status, string? Error);

    private static async Task<JobOutcome> SolveOne(HttpClient client, string query, string eventJson, Engine.Domain.Event ev)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync(query, new StringContent(eventJson, Encoding.UTF8, "application/json"));
        var accepted = clock.Elapsed;
        if (response.StatusCode != HttpStatusCode.Accepted)
            return new JobOutcome(accepted, clock.Elapsed, "refused", $"POST answered {(int)response.StatusCode}");
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        // The stream ends after its end event, so reading it to the end waits exactly for the job.
        using (var events = await client.GetAsync($"/v1/jobs/{id}/events", HttpCompletionOption.ResponseHeadersRead))
            await events.Content.ReadAsStringAsync();
        var completed = clock.Elapsed;

        using var job = JsonDocument.Parse(await client.GetStringAsync($"/v1/jobs/{id}"));
        var status = job.RootElement.GetProperty("status").GetString() ?? "?";
        if (status != "done") return new JobOutcome(accepted, completed, status, $"job {id} ended {status}");
        var schedule = ScheduleFile.Parse(job.RootElement.GetProperty("schedule").GetRawText());
        var valid = schedule.Value is { } s && ScheduleValidator.Check(ev, s).IsValid;
        return new JobOutcome(accepted, completed, status, valid ? null : $"job {id}: the schedule is not valid");
    }

    private static long IdleWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Thread.Sleep(1000);
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture);
}
