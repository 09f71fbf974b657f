using System.CommandLine;
using Scheduler.Cli.Infrastructure;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Generation;

namespace Scheduler.Cli.Commands;

/// <summary>
/// <c>scheduler generate conference|fair [--seed N] [options] [-o FILE]</c>: a synthetic event file,
/// the same for the same options, to try the scheduler at any size.
/// </summary>
internal static class GenerateCommand
{
    /// <summary>The command with its two subcommands, writing to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console) =>
        new("generate", "Write a synthetic event file (a ministerial conference or a B2B trade fair) to try the scheduler")
        {
            Conference(console),
            Fair(console),
        };

    private static Command Conference(CliConsole console)
    {
        var defaults = new ConferenceOptions();
        var seed = NumberOptions.Whole("--seed", $"Random seed; the same options give the same event [default: {defaults.Seed}]");
        var delegates = NumberOptions.Whole("--delegates", $"Delegates in all delegations [default: {defaults.Delegates}]", 4, 100_000);
        var requests = NumberOptions.Whole("--requests", $"Bilateral meeting requests [default: {defaults.Requests}]", 1, 1_000_000);
        var rooms = NumberOptions.Whole("--rooms", $"Meeting rooms over two buildings [default: {defaults.Rooms}]", 2, 10_000);
        var days = NumberOptions.Whole("--days", $"Conference days [default: {defaults.Days}]", 1, 14);
        var interpreters = NumberOptions.Whole("--interpreters",
            "Interpreters pairing the hosts' Russian with the visitors' languages; with any, participants get languages [default: 0]", 0, 1000);
        var tight = new Option<bool>("--tight")
        {
            Description = "Plant a full timetable first and ask only for its meetings: every request fits, rooms and hosts "
                + $"nearly full, so the optimum is the sum of the weights [requests default: {new TightConferenceOptions().Requests}; "
                + "delegates and rooms follow from the requests]",
        };
        var output = OutputOption();
        var command = new Command("conference", "A ministerial conference: hosts everyone wants to meet, a plenary, two buildings")
        {
            seed, delegates, requests, rooms, days, interpreters, tight, output,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(tight))
            {
                if (parse.GetValue(delegates) is not null || parse.GetValue(rooms) is not null || parse.GetValue(interpreters) is not null)
                {
                    console.Error.WriteLine($"{CliApp.Name}: --delegates, --rooms and --interpreters cannot be given with --tight: the first two follow from --requests.");
                    return ExitCodes.BadInput;
                }
                var planted = new TightConferenceOptions();
                planted = planted with
                {
                    Seed = parse.GetValue(seed) ?? planted.Seed,
                    Requests = parse.GetValue(requests) ?? planted.Requests,
                    Days = parse.GetValue(days) ?? planted.Days,
                };
                return Write(() => TightConferenceGenerator.Generate(planted).Event, parse.GetValue(output), console);
            }
            var options = new ConferenceOptions
            {
                Seed = parse.GetValue(seed) ?? defaults.Seed,
                Delegates = parse.GetValue(delegates) ?? defaults.Delegates,
                Requests = parse.GetValue(requests) ?? defaults.Requests,
                Rooms = parse.GetValue(rooms) ?? defaults.Rooms,
                Days = parse.GetValue(days) ?? defaults.Days,
                Interpreters = parse.GetValue(interpreters) ?? 0,
            };
            return Write(() => ConferenceGenerator.Generate(options), parse.GetValue(output), console);
        });
        return command;
    }

    private static Command Fair(CliConsole console)
    {
        var defaults = new TradeFairOptions();
        var seed = NumberOptions.Whole("--seed", $"Random seed; the same options give the same event [default: {defaults.Seed}]");
        var companies = NumberOptions.Whole("--companies", $"Companies, one representative each [default: {defaults.Companies}]", 2, 1_000_000);
        var requests = NumberOptions.Whole("--requests", $"Meeting requests between two companies [default: {defaults.Requests}]", 1, 10_000_000);
        var tables = NumberOptions.Whole("--tables", $"Identical two-seat tables in the hall [default: {defaults.Tables}]", 1, 100_000);
        var popularity = NumberOptions.Real(
            "--popularity",
            $"Zipf exponent of how often a company is asked for; 0 asks everyone equally [default: {defaults.PopularityExponent}]",
            "S",
            min: 0,
            max: 10,
            minExclusive: false);
        var cap = NumberOptions.Whole(
            "--max-requests-per-company", $"The most requests one company takes part in [default: {defaults.MaxRequestsPerCompany}]", 1, 1_000_000);
        var output = OutputOption();
        var command = new Command("fair", "A B2B trade fair: companies meet at identical tables, popular ones asked far more often")
        {
            seed, companies, requests, tables, popularity, cap, output,
        };
        command.SetAction(parse =>
        {
            var options = new TradeFairOptions
            {
                Seed = parse.GetValue(seed) ?? defaults.Seed,
                Companies = parse.GetValue(companies) ?? defaults.Companies,
                Requests = parse.GetValue(requests) ?? defaults.Requests,
                Tables = parse.GetValue(tables) ?? defaults.Tables,
                PopularityExponent = parse.GetValue(popularity) ?? defaults.PopularityExponent,
                MaxRequestsPerCompany = parse.GetValue(cap) ?? defaults.MaxRequestsPerCompany,
            };
            return Write(() => TradeFairGenerator.Generate(options), parse.GetValue(output), console);
        });
        return command;
    }

    private static Option<string?> OutputOption() => new("--output", "-o")
    {
        Description = "Write the event file here instead of stdout",
        HelpName = "FILE",
    };

    private static int Write(Func<Event> generate, string? path, CliConsole console)
    {
        if (path is not null && AtomicFile.ProblemWriting(path) is { } problem)
        {
            console.Error.WriteLine(problem);
            return ExitCodes.BadInput;
        }

        Event ev;
        try
        {
            ev = generate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            // The options' ranges are checked while parsing; this catches combinations the generator refuses.
            console.Error.WriteLine($"{CliApp.Name}: {e.Message.Split(" (Parameter", 2)[0]}");
            return ExitCodes.BadInput;
        }

        var json = EventFile.Write(ev);
        if (path is null)
        {
            console.Out.Write(json);
            if (!json.EndsWith('\n')) console.Out.WriteLine();
            return ExitCodes.Success;
        }

        AtomicFile.WriteAllText(path, json);
        console.Out.WriteLine($"Wrote {path}: {ev.Participants.Length} participants, {ev.Rooms.Length} rooms, {ev.Meetings.Length} meeting requests");
        return ExitCodes.Success;
    }
}
