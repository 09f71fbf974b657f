using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Scheduler.Cli.Service;

/// <summary>
/// <c>POST /v1/solve</c>, <c>GET /v1/jobs/{id}</c>, <c>GET /v1/jobs/{id}/events</c> and <c>DELETE /v1/jobs/{id}</c>:
/// solving runs as a job, so a caller never holds a connection open for a whole solve.
/// </summary>
internal static class SolveEndpoints
{
    /// <summary>Maps the job endpoints onto <paramref name="app"/>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/solve", Solve)
            .WithName("Solve")
            .WithSummary("Queue a solve of an event file")
            .WithDescription("The body is an event file (contract v1), or { \"event\": ..., \"previous\": ... }, or a multipart form "
                + "with the parts event and previous. Query: timeLimit (seconds, default 30), seed (default 0), workers (default: "
                + "all cores), deterministic (true: the time limit is a budget of solver work and the schedule depends only on the "
                + "event, seed and workers, as scheduler solve --deterministic), safetyStop (with deterministic=true: the wall-clock "
                + "seconds after which the search stops anyway, default twice the time limit plus 30). Answers 202 with the job's id and its URL in Location.")
            .Accepts<JsonElement>("application/json", "multipart/form-data")
            .Produces<JobAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/v1/jobs/{id}", GetJob)
            .WithName("GetJob")
            .WithSummary("A job's state, progress and, once done, its schedule file")
            .Produces<JobView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/v1/jobs/{id}/events", StreamJob)
            .WithName("StreamJob")
            .WithSummary("A job's progress as server-sent events: 'progress' on each improvement, 'end' when it finishes")
            .Produces<JobEvent>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapDelete("/v1/jobs/{id}", CancelJob)
            .WithName("CancelJob")
            .WithSummary("Cancel a job; a running one stops its search and keeps the best schedule so far")
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .Produces<JobView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Solve(
        HttpRequest request, JobQueue queue, ServiceOptions options, string? timeLimit, string? seed, string? workers, string? deterministic, string? safetyStop, CancellationToken ct)
    {
        var (solveOptions, problems) = SolveQuery.Read(timeLimit, seed, workers, deterministic, safetyStop);
        var body = await RequestBodies.Read(request, options.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body.TooLarge) return ServiceProblems.TooLarge(options.MaxBodyBytes);
        var read = RequestBodies.ReadSolve(body);
        problems.AddRange(read.Problems);
        if (problems.Count > 0 || read.Event is null) return ServiceProblems.BadInput(problems);

        var (job, refusal) = queue.Submit(read.Event, read.Previous is null ? solveOptions : solveOptions with { Previous = read.Previous });
        return refusal switch
        {
            SubmitRefusal.QueueFull => ServiceProblems.QueueFull(queue.Waiting),
            SubmitRefusal.ShuttingDown => ServiceProblems.ShuttingDown(),
            _ => TypedResults.Accepted($"/v1/jobs/{job!.Id}", new JobAccepted(job.Id, JobState.Queued)),
        };
    }

    private static IResult GetJob(string id, JobQueue queue) =>
        queue.Find(id) is { } job ? TypedResults.Ok(JobView.Of(job)) : ServiceProblems.UnknownJob(id);

    private static IResult CancelJob(string id, JobQueue queue)
    {
        if (queue.Find(id) is not { } job) return ServiceProblems.UnknownJob(id);
        if (job.Snapshot.IsFinal) return TypedResults.Ok(JobView.Of(job));
        queue.Cancel(job);
        return TypedResults.Accepted($"/v1/jobs/{job.Id}", JobView.Of(job));
    }

    private static IResult StreamJob(string id, JobQueue queue, HttpContext context) =>
        queue.Find(id) is { } job
            ? TypedResults.ServerSentEvents(Events(job, context.RequestAborted))
            : ServiceProblems.UnknownJob(id);

    /// <summary>A <c>progress</c> event for each new progress report, then one <c>end</c> event when the job is final.</summary>
    private static async IAsyncEnumerable<SseItem<JobEvent>> Events(SolveJob job, [EnumeratorCancellation] CancellationToken ct)
    {
        JobProgress? sent = null;
        while (true)
        {
            var (snapshot, nextChange) = job.Watch();
            if (snapshot.Progress is { } progress && !ReferenceEquals(progress, sent))
            {
                sent = progress;
                yield return new SseItem<JobEvent>(new JobEvent(snapshot.State, progress), "progress") { EventId = snapshot.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }

            if (snapshot.IsFinal)
            {
                yield return new SseItem<JobEvent>(new JobEvent(snapshot.State, snapshot.Progress), "end");
                yield break;
            }

            try
            {
                await nextChange.WaitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client went away.
                yield break;
            }
        }
    }
}
