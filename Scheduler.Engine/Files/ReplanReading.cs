using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>
/// The event file's <c>replan</c> object (contract v1.1): reading it with every problem named by its path, checking
/// one built in code, and writing it back.
/// </summary>
internal static class ReplanReading
{
    /// <summary>The known fields, in the contract's order.</summary>
    internal static readonly string[] Fields = ["frozenUntil", "moveCost", "roomChangeCost", "dropCost"];

    /// <summary>The <c>replan</c> object of <paramref name="root"/>, null when absent or unreadable (problems reported).</summary>
    public static ReplanSettings? Read(JsonObjectReader root, ProblemList problems, NodaTime.DateTimeZone? zone)
    {
        if (!root.Has("replan")) return null;
        var item = root.Object("replan", false, Fields);
        if (item is null) return null;
        var settings = ReplanSettings.Default;
        if (item.TryGet("frozenUntil", false, out var frozenElement, out var frozenPath)
            && TimeText.ReadInstant(frozenElement, frozenPath, problems, zone) is { } frozen)
        {
            settings = settings with { FrozenUntil = frozen };
        }

        if (Cost(item, "moveCost", problems) is { } move) settings = settings with { MoveCost = move };
        if (Cost(item, "roomChangeCost", problems) is { } room) settings = settings with { RoomChangeCost = room };
        if (Cost(item, "dropCost", problems) is { } drop) settings = settings with { DropCost = drop };
        return settings;
    }

    /// <summary>The problems of settings built in code, at the paths the values would have in an event file.</summary>
    public static ImmutableArray<InputProblem> Check(ReplanSettings settings)
    {
        var problems = ImmutableArray.CreateBuilder<InputProblem>();
        void One(string field, decimal value)
        {
            if (CostProblem(value) is { } message) problems.Add(new InputProblem($"replan.{field}", message));
        }

        One("moveCost", settings.MoveCost);
        One("roomChangeCost", settings.RoomChangeCost);
        One("dropCost", settings.DropCost);
        return problems.ToImmutable();
    }

    /// <summary>Writes <paramref name="settings"/> as the <c>replan</c> object, defaults left out.</summary>
    public static void Write(Utf8JsonWriter w, ReplanSettings settings, NodaTime.DateTimeZone zone)
    {
        w.WriteStartObject("replan");
        if (settings.FrozenUntil is { } frozen) w.WriteString("frozenUntil", TimeText.FormatForEventFile(frozen, zone));
        if (settings.MoveCost != ReplanSettings.Default.MoveCost) w.WriteNumber("moveCost", Normal(settings.MoveCost));
        if (settings.RoomChangeCost != ReplanSettings.Default.RoomChangeCost) w.WriteNumber("roomChangeCost", Normal(settings.RoomChangeCost));
        if (settings.DropCost != ReplanSettings.Default.DropCost) w.WriteNumber("dropCost", Normal(settings.DropCost));
        w.WriteEndObject();
    }

    /// <summary><paramref name="value"/> without trailing zeros, so 0.50 is written 0.5 and 2.00 is written 2.</summary>
    public static decimal Normal(decimal value) => value / 1.0000000000000000000000000000m;

    private static decimal? Cost(JsonObjectReader item, string field, ProblemList problems)
    {
        if (!item.TryGet(field, false, out var element, out var path)) return null;
        if (element.ValueKind != JsonValueKind.Number)
        {
            problems.Add(path, $"expected a number, found {JsonValues.Describe(element)}");
            return null;
        }

        var text = element.GetRawText();
        // decimal holds 28 digits: a text it cannot parse is far beyond the largest cost, or far finer than 0.01.
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(path, $"{JsonNumbers.Shorten(text)} is not a cost from 0 to {EventLimits.MaxWeight} in steps of 0.01");
            return null;
        }

        if (CostProblem(value) is { } message)
        {
            problems.Add(path, message);
            return null;
        }

        return value;
    }

    private static string? CostProblem(decimal value)
    {
        var shown = value.ToString(CultureInfo.InvariantCulture);
        if (value < 0) return $"a cost must not be negative, found {shown}";
        if (value > EventLimits.MaxWeight) return $"a cost must be at most {EventLimits.MaxWeight}, found {shown}";
        return ReplanSettings.IsValidCost(value) ? null : $"a cost has a precision of 0.01, found {shown}";
    }
}
