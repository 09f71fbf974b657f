using Scheduler.Engine.Checking;

namespace Scheduler.Tests.Checking;

/// <summary>The event most validator tests start from, and assertions on reports.</summary>
internal static class Conference
{
    /// <summary>
    /// Moscow (UTC+3 all year), grain 15 minutes, 2021-06-22 and 2021-06-23 open 09:00–19:00 with lunch 13:00–14:00;
    /// two buildings 25 minutes apart; rooms b1 (congress, 10 seats, interpretation), b2 (congress, 4 seats),
    /// h1 (hotel, 10 seats); four participants.
    /// </summary>
    public static TestEvent Event() => new TestEvent("Europe/Moscow", 15)
        .Day("2021-06-22", "09:00", "19:00")
        .Day("2021-06-23", "09:00", "19:00")
        .Break("Lunch", "13:00", "14:00")
        .Building("congress", "Patriot Congress Centre")
        .Building("hotel", "Hotel Ukraina")
        .Travel("congress", "hotel", 25)
        .Room("b1", 10, "congress", "Bilateral room 1", ["interpretation"])
        .Room("b2", 4, "congress", "Bilateral room 2")
        .Room("h1", 10, "hotel", "Hotel salon")
        .Person("lacroix", "Jean-Pierre Lacroix")
        .Person("ryabkov", "Sergei Ryabkov")
        .Person("guterres", "António Guterres")
        .Person("lavrov", "Sergey Lavrov");

    public static readonly string[] LacroixRyabkov = ["lacroix", "ryabkov"];
    public static readonly string[] GuterresLavrov = ["guterres", "lavrov"];
    public static readonly string[] LacroixLavrov = ["lacroix", "lavrov"];

    /// <summary>Asserts the report has exactly one violation, of <paramref name="rule"/>, and returns it.</summary>
    public static Violation Only(ValidationReport report, string rule)
    {
        var violation = Assert.Single(report.Violations);
        Assert.Equal(rule, violation.Rule);
        return violation;
    }

    /// <summary>Asserts every violation is of <paramref name="rule"/> and there are <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<Violation> OnlyRule(ValidationReport report, string rule, int count)
    {
        Assert.All(report.Violations, v => Assert.Equal(rule, v.Rule));
        Assert.Equal(count, report.Violations.Length);
        return report.Violations;
    }

    public static void Valid(ValidationReport report) => Assert.Empty(report.Violations);
}
