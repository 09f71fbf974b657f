using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scheduler.Engine.Files;

namespace Scheduler.Cli.Service;

/// <summary>The service's error answers, all <c>application/problem+json</c> (RFC 9457).</summary>
internal static class ServiceProblems
{
    /// <summary>400: the request cannot be used; <c>problems</c> lists each one by path, in the command line's words.</summary>
    public static ProblemHttpResult BadInput(IReadOnlyList<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var items = problems.Select(ProblemItem.Of).ToList();
        var first = items.Count == 0 ? "" : $"{items[0].Path}: {items[0].Message}";
        var detail = items.Count == 1 ? first : $"{items.Count} problems; the first is {first}";
        return Problem(StatusCodes.Status400BadRequest, "The request has problems", detail, items);
    }

    /// <summary>413: the body is over the size limit.</summary>
    public static ProblemHttpResult TooLarge(long limitBytes) => Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large",
        $"the body is over the limit of {FormatBytes(limitBytes)} (scheduler serve --max-body-mb)");

    /// <summary>429: as many jobs wait as the service allows.</summary>
    public static ProblemHttpResult QueueFull(int waiting) => Problem(StatusCodes.Status429TooManyRequests, "Too many jobs are waiting",
        $"{waiting} job{(waiting == 1 ? " is" : "s are")} already waiting for a solver (scheduler serve --max-jobs); try again when one has started");

    /// <summary>503: the service is stopping and takes no new work.</summary>
    public static ProblemHttpResult ShuttingDown() => Problem(StatusCodes.Status503ServiceUnavailable, "The service is shutting down",
        "the service is stopping and accepts no new jobs");

    /// <summary>404: no job has this id (never had, or it was dropped after the keeping time).</summary>
    public static ProblemHttpResult UnknownJob(string id) => Problem(StatusCodes.Status404NotFound, "No such job",
        $"no job \"{id}\": the id is wrong, or the job finished longer ago than the service keeps results (scheduler serve --keep-minutes)");

    /// <summary>401: the API key is missing or wrong.</summary>
    public static ProblemHttpResult Unauthorized(bool keyGiven) => Problem(StatusCodes.Status401Unauthorized, "An API key is needed",
        keyGiven ? "the key in the Authorization header is not the service's key"
            : "send the service's key as the header 'Authorization: Bearer KEY'");

    private static ProblemHttpResult Problem(int status, string title, string detail, IReadOnlyList<ProblemItem>? problems = null)
    {
        var details = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (problems is not null) details.Extensions["problems"] = problems;
        return TypedResults.Problem(details);
    }

    private static string FormatBytes(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} bytes";
}
