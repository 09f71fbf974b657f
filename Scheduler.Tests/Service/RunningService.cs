using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scheduler.Cli.Service;

namespace Scheduler.Tests.Service;

/// <summary>
/// The real <c>scheduler serve</c> application on a free loopback port (Kestrel, not an in-memory test server),
/// with an HTTP client pointed at it and the log lines it wrote.
/// </summary>
internal sealed class RunningService : IAsyncDisposable
{
    private RunningService(WebApplication app, HttpClient client, LogCapture logs)
    {
        App = app;
        Client = client;
        Logs = logs;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public LogCapture Logs { get; }

    public JobQueue Queue => App.Services.GetRequiredService<JobQueue>();

    public static async Task<RunningService> Start(ServiceOptions? options = null)
    {
        var logs = new LogCapture();
        var app = ServiceApp.Build((options ?? new ServiceOptions()) with { Urls = "http://127.0.0.1:0" }, logging =>
        {
            logging.AddProvider(logs);
            logging.SetMinimumLevel(LogLevel.Information);
        });
        await app.StartAsync();
        var address = ServiceApp.Addresses(app).Single();
        return new RunningService(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) }, logs);
    }

    /// <summary>POSTs <paramref name="json"/> as <c>application/json</c>.</summary>
    public Task<HttpResponseMessage> Post(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Queues a solve and returns the job's id.</summary>
    public async Task<string> Submit(string eventJson, string query = "timeLimit=5&workers=1&seed=0")
    {
        using var response = await Post($"/v1/solve?{query}", eventJson);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>GETs the job's view.</summary>
    public async Task<JsonElement> Job(string id)
    {
        var text = await Client.GetStringAsync($"/v1/jobs/{id}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Polls the job until <paramref name="done"/> holds for its view (at most 90 s, then the test fails).</summary>
    public async Task<JsonElement> WaitFor(string id, Func<JsonElement, bool> done)
    {
        for (var attempt = 0; attempt < 1800; attempt++)
        {
            var job = await Job(id);
            if (done(job)) return job;
            await Task.Delay(50);
        }

        throw new TimeoutException($"job {id} did not reach the awaited state");
    }

    /// <summary>Polls until the job can no longer change.</summary>
    public Task<JsonElement> WaitForFinal(string id) =>
        WaitFor(id, j => j.GetProperty("status").GetString() is "done" or "failed" or "cancelled");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>A client with <c>Authorization: Bearer <paramref name="key"/></c>, or none for null.</summary>
    public HttpClient ClientWithKey(string? key)
    {
        var client = new HttpClient { BaseAddress = Client.BaseAddress };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}

/// <summary>Keeps every log entry with its structured values.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception),
                values.ToDictionary(v => v.Key, v => v.Value)));
        }
    }
}

/// <summary>One log entry: category, level, text and structured values.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);
