using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Scheduler.Cli;
using Scheduler.Tests.Cli;

namespace Scheduler.Tests.Service;

/// <summary><c>scheduler serve</c> through the real command line entry point.</summary>
public sealed partial class ServeCommandTests
{
    [Theory]
    [InlineData("https://127.0.0.1:5180")]
    [InlineData("127.0.0.1:5180")]
    [InlineData("http://127.0.0.1:5180/api")]
    public async Task Serve_refuses_a_url_it_cannot_listen_on_with_exit_code_2(string url)
    {
        var run = await CliRunner.Run("serve", "--urls", url);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--urls: \"{url}\" is not an http:// URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_missing_or_empty_key_file_exits_2_naming_the_file()
    {
        using var folder = new TempFolder();
        var missing = await CliRunner.Run("serve", "--api-key-file", folder.File("nope.key"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.key: the file does not exist", missing.Error, StringComparison.Ordinal);

        var empty = await CliRunner.Run("serve", "--api-key-file", folder.Write("empty.key", "  \n"));
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("empty.key is empty", empty.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_answers_on_the_address_it_prints_with_the_key_from_the_file_and_stops_when_cancelled()
    {
        using var folder = new TempFolder();
        var keyFile = folder.Write("service.key", "  file-key-42\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => CliApp.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--api-key-file", keyFile, "--max-body-mb", "1"], stdout, stderr, stop.Token));

        string? address = null;
        for (var attempt = 0; attempt < 600 && address is null && !serving.IsCompleted; attempt++)
        {
            address = ListeningLine().Match(stdout.ToString()) is { Success: true } m ? m.Groups[1].Value : null;
            if (address is null) await Task.Delay(50);
        }

        Assert.True(address is not null, $"no address printed: {stdout}{stderr}");
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "file-key-42");
        using var check = await client.PostAsync("/v1/check", new StringContent(TinyEvent.EventJson, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        using var large = await client.PostAsync("/v1/check", new StringContent(new string(' ', 2 * 1024 * 1024), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);

        stop.Cancel();
        Assert.Equal(0, await serving);
    }

    [GeneratedRegex(@"Listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
