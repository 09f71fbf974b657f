using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scheduler.Engine.Checking;

namespace Scheduler.Cli.Service;

/// <summary><c>POST /v1/validate</c> and <c>POST /v1/check</c>: answers at once, without the solver.</summary>
internal static class CheckEndpoints
{
    /// <summary>Maps the endpoints onto <paramref name="app"/>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/validate", Validate)
            .WithName("Validate")
            .WithSummary("Check a schedule against every hard rule of its event, as 'scheduler validate' does")
            .WithDescription("The body is { \"event\": EVENT FILE, \"schedule\": SCHEDULE FILE }. Answers 200 with every violation; "
                + "400 when either document cannot be read.")
            .Accepts<JsonElement>("application/json", "multipart/form-data")
            .Produces<ValidationAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        app.MapPost("/v1/check", Check)
            .WithName("Check")
            .WithSummary("List an event file's input problems by JSON path, without solving")
            .WithDescription("The body is an event file, or a multipart form with the part event. Answers 200 with every problem "
                + "(none when it can be solved).")
            .Accepts<JsonElement>("application/json", "multipart/form-data")
            .Produces<CheckAnswer>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task<IResult> Validate(HttpRequest request, ServiceOptions options, CancellationToken ct)
    {
        var body = await RequestBodies.Read(request, options.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body.TooLarge) return ServiceProblems.TooLarge(options.MaxBodyBytes);
        var (ev, schedule, problems) = RequestBodies.ReadValidate(body);
        if (ev is null || schedule is null) return ServiceProblems.BadInput(problems);

        var report = ScheduleValidator.Check(ev, schedule);
        return TypedResults.Ok(new ValidationAnswer(
            report.IsValid,
            report.Violations.Select(v => new ViolationItem(v.Rule, v.Message)).ToList(),
            report.ScheduledWeight,
            report.IdleGaps));
    }

    private static async Task<IResult> Check(HttpRequest request, ServiceOptions options, CancellationToken ct)
    {
        var body = await RequestBodies.Read(request, options.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body.TooLarge) return ServiceProblems.TooLarge(options.MaxBodyBytes);
        var read = RequestBodies.ReadCheck(body);
        var ev = read.Value;
        return TypedResults.Ok(new CheckAnswer(
            read.Succeeded,
            read.Problems.Select(ProblemItem.Of).ToList(),
            ev?.Meetings.Length,
            ev?.Participants.Length,
            ev?.Rooms.Length));
    }
}
