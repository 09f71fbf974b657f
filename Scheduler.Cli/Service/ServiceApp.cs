using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scheduler.Cli.Service;

/// <summary>
/// The HTTP/JSON service of <c>scheduler serve</c>: Kestrel, minimal APIs, problem details for every error, an
/// OpenAPI document at <c>/openapi/v1.json</c>, and the job queue. Tests and the load benchmark build the same
/// application, so what they measure is what a user runs.
/// </summary>
internal static class ServiceApp
{
    /// <summary>
    /// Builds the service (not started). <paramref name="configureLogging"/> replaces the default logging (the
    /// console, one line per job) when given.
    /// </summary>
    public static WebApplication Build(ServiceOptions options, Action<ILoggingBuilder>? configureLogging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        // Read no appsettings.json or environment URLs: the command's options alone decide what the service does.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. options.UrlList]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The service's limit is checked while reading (RequestBodies); Kestrel's, at twice it, bounds what an
            // oversized request may still send so that its 413 is delivered rather than cut off.
            kestrel.Limits.MaxRequestBodySize = 2 * options.MaxBodyBytes;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
            form.MultipartBodyLengthLimit = options.MaxBodyBytes);
        builder.Logging.ClearProviders();
        if (configureLogging is not null) configureLogging(builder.Logging);
        else
        {
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
                console.UseUtcTimestamp = true;
            });
            // The framework's per-request and start-up lines would bury the one line per job.
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // Routing answers a body of another type before any handler runs; say what to send.
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
                context.ProblemDetails.Detail ??= "send the body with 'Content-Type: application/json' (curl: -H 'Content-Type: application/json')";
        });
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "scheduler";
            document.Info.Description = "Bilateral meeting scheduling over HTTP/JSON: the event and schedule files of contract v1.";
            document.Info.Version = CliApp.Version;
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddHostedService(services => services.GetRequiredService<JobQueue>());
        // Time for cancelled solves to hand back their best schedules (a large model is built before it can stop).
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var app = builder.Build();
        var queue = app.Services.GetRequiredService<JobQueue>();
        // Running jobs stop as soon as the host starts to stop, before the server does, so their best schedules are
        // stored and readable while requests in flight finish.
        app.Lifetime.ApplicationStopping.Register(queue.CancelAll);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (options.ApiKey is { } key) app.Use(new ApiKeyCheck(key).Invoke);
        app.MapOpenApi();
        SolveEndpoints.Map(app);
        CheckEndpoints.Map(app);
        return app;
    }

    /// <summary>The addresses a started service listens on (with the real port when the options asked for port 0).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feature = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return feature?.Addresses.ToList() ?? [];
    }
}
