using System.Globalization;
using Scheduler.Cli.Commands;
using Scheduler.Engine.Files;
using Scheduler.Engine.Solving;

namespace Scheduler.Cli.Service;

/// <summary>
/// The query of <c>POST /v1/solve</c>: <c>timeLimit</c> (seconds), <c>seed</c>, <c>workers</c>, <c>deterministic</c>, <c>safetyStop</c>
/// (seconds), with the ranges and defaults of <c>scheduler solve</c>'s <c>--time-limit</c>, <c>--seed</c>, <c>--workers</c>,
/// <c>--deterministic</c> and <c>--safety-stop</c>.
/// </summary>
internal static class SolveQuery
{
    /// <summary>The solve options the query asks for, defaults filled in, and a problem for each unusable value.</summary>
    public static (SolveOptions Options, List<InputProblem> Problems) Read(string? timeLimit, string? seed, string? workers, string? deterministic = null, string? safetyStop = null)
    {
        var options = new SolveOptions();
        var problems = new List<InputProblem>();
        if (timeLimit is not null)
        {
            if (double.TryParse(timeLimit, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && seconds > 0 && seconds <= SolveSettings.MaxTimeLimitSeconds)
                options = options with { TimeLimit = SolveSettings.FromSeconds(seconds) };
            else problems.Add(new InputProblem("query.timeLimit", FormattableString.Invariant($"\"{timeLimit}\" is not a number more than 0 and at most {SolveSettings.MaxTimeLimitSeconds}")));
        }

        if (seed is not null)
        {
            if (int.TryParse(seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                options = options with { Seed = value };
            else problems.Add(new InputProblem("query.seed", $"\"{seed}\" is not a whole number"));
        }

        if (workers is not null)
        {
            if (int.TryParse(workers, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= SolveSettings.MaxWorkers)
                options = options with { Workers = count };
            else problems.Add(new InputProblem("query.workers", FormattableString.Invariant($"\"{workers}\" is not a whole number from 1 to {SolveSettings.MaxWorkers}")));
        }

        if (deterministic is not null)
        {
            if (bool.TryParse(deterministic, out var on)) options = options with { Deterministic = on };
            else problems.Add(new InputProblem("query.deterministic", $"\"{deterministic}\" is not true or false"));
        }

        if (safetyStop is not null)
        {
            if (!(double.TryParse(safetyStop, NumberStyles.Float, CultureInfo.InvariantCulture, out var stop) && stop > 0 && stop <= SolveSettings.MaxSafetyStopSeconds))
                problems.Add(new InputProblem("query.safetyStop", FormattableString.Invariant($"\"{safetyStop}\" is not a number more than 0 and at most {SolveSettings.MaxSafetyStopSeconds}")));
            else if (!options.Deterministic)
                problems.Add(new InputProblem("query.safetyStop", "only a deterministic=true solve has a safety stop"));
            else options = options with { SafetyLimit = SolveSettings.FromSeconds(stop) };
        }

        return (options, problems);
    }
}
