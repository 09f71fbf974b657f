using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scheduler.Cli.Infrastructure;
using Scheduler.Cli.Service;

namespace Scheduler.Cli.Commands;

/// <summary>
/// <c>scheduler serve [--urls URLS] [--max-jobs N] [--keep-minutes M] [--max-body-mb MB] [--api-key-file F]</c>:
/// the engine as an HTTP/JSON service for event tools in any language. Runs until Ctrl-C or SIGTERM, which cancel
/// the running jobs and keep their best schedules readable until the process exits.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var defaults = new ServiceOptions();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen: http:// URLs separated by ';' (the default is this machine only; port 0 picks a free port)",
            HelpName = "URLS",
            DefaultValueFactory = _ => ServiceOptions.DefaultUrls,
        };
        var maxJobs = NumberOptions.Whole("--max-jobs",
            $"The most jobs waiting for a solver; one more is refused with 429 [default: {defaults.MaxWaitingJobs}, the cores]", min: 1, max: 100_000);
        var keepMinutes = NumberOptions.Real("--keep-minutes",
            $"Keep a finished job's schedule readable this many minutes [default: {defaults.KeepMinutes:0}]", "MINUTES",
            min: 0, max: 525_600, minExclusive: true);
        var maxBodyMb = NumberOptions.Whole("--max-body-mb", "The largest request body in MB; a larger one is refused with 413 [default: 20]",
            min: 1, max: 2048);
        var apiKeyFile = new Option<string?>("--api-key-file")
        {
            Description = "Require 'Authorization: Bearer KEY' on every /v1 request, KEY being this file's text (surrounding spaces ignored)",
            HelpName = "FILE",
        };
        var command = new Command("serve", "Serve the engine over HTTP/JSON: POST /v1/solve, GET /v1/jobs/{id}, /v1/validate, /v1/check "
            + "(OpenAPI at /openapi/v1.json)")
        {
            urls,
            maxJobs,
            keepMinutes,
            maxBodyMb,
            apiKeyFile,
        };
        CommandChecks.Add(command, result =>
        {
            if (result.GetValue(urls) is { } text && UrlProblem(text) is { } problem) result.AddError(problem);
        });

        command.SetAction(async (parse, ct) =>
        {
            string? key = null;
            if (parse.GetValue(apiKeyFile) is { } keyPath)
            {
                key = ReadKey(keyPath, console.Error);
                if (key is null) return ExitCodes.BadInput;
            }

            var options = defaults with
            {
                Urls = parse.GetValue(urls) ?? ServiceOptions.DefaultUrls,
                MaxWaitingJobs = parse.GetValue(maxJobs) ?? defaults.MaxWaitingJobs,
                KeepMinutes = parse.GetValue(keepMinutes) ?? defaults.KeepMinutes,
                MaxBodyBytes = (parse.GetValue(maxBodyMb) ?? 20) * 1024L * 1024,
                ApiKey = key,
            };
            await using var app = ServiceApp.Build(options);
            // Kestrel reports a port in use as an IOException, which the command line prints as unusable input.
            await app.StartAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var address in ServiceApp.Addresses(app)) console.Out.WriteLine($"Listening on {address} (OpenAPI: {address}/openapi/v1.json)");
            console.Out.WriteLine(key is null ? "No API key: any caller that reaches these addresses may use the service." : "Callers must send the API key.");
            console.Out.Flush();
            var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
            await using (ct.Register(lifetime.StopApplication))
            {
                await app.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Why <paramref name="urls"/> cannot be listened on, or null.</summary>
    public static string? UrlProblem(string urls)
    {
        var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0) return "--urls: give at least one http:// URL.";
        foreach (var url in list)
        {
            // Kestrel's "any address" hosts (* and +) are not valid in a URI; check the rest of the URL with a stand-in.
            var checkable = url.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal);
            if (!Uri.TryCreate(checkable, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
                return $"--urls: \"{url}\" is not an http:// URL with a host and port (for https, put a TLS proxy in front).";
        }

        return null;
    }

    private static string? ReadKey(string path, TextWriter error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e switch
            {
                FileNotFoundException => "the file does not exist",
                DirectoryNotFoundException => "the folder does not exist",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            error.WriteLine($"--api-key-file: cannot read {path}: {reason}");
            return null;
        }

        var key = text.Trim();
        if (key.Length > 0) return key;
        error.WriteLine($"--api-key-file: {path} is empty; write the key into it");
        return null;
    }
}
