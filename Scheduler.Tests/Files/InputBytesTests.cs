using System.Text;
using Scheduler.Engine.Files;
using Scheduler.Tests.Cli;

namespace Scheduler.Tests.Files;

/// <summary>A file must be UTF-8 and its text valid Unicode; a bad byte is reported where it is, never silently replaced.</summary>
public class InputBytesTests
{
    /// <summary>The minimal sample's bytes with participant "b" spelt with byte 0xFF in the middle of the id.</summary>
    private static byte[] WithBadByte(out int offset)
    {
        var text = Samples.Minimal.Replace("{ \"id\": \"b\" }", "{ \"id\": \"b#x\" }", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        offset = Array.IndexOf(bytes, (byte)'#');
        bytes[offset] = 0xFF;
        return bytes;
    }

    private static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        var before = Encoding.UTF8.GetString(bytes, 0, offset);
        return (before.Count(c => c == '\n') + 1, offset - (before.LastIndexOf('\n') + 1) + 1);
    }

    [Fact]
    public void Invalid_utf8_in_an_event_file_names_the_byte_offset()
    {
        using var folder = new TempFolder();
        var bytes = WithBadByte(out var offset);
        var path = folder.File("event.json");
        File.WriteAllBytes(path, bytes);
        var (line, column) = Position(bytes, offset);

        var problem = Assert.Single(EventFile.Load(path).Problems);

        Assert.Equal("$", problem.Path);
        Assert.Equal($"not valid UTF-8 at byte {offset} (line {line}, column {column}, byte 0xFF); save the file as UTF-8", problem.Message);
    }

    [Fact]
    public void Invalid_utf8_in_a_schedule_file_names_the_byte_offset()
    {
        using var folder = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes(RoundTripTests.SampleText);
        var offset = Array.IndexOf(bytes, (byte)'"', 20);
        bytes[offset + 1] = 0xC3;
        var path = folder.File("schedule.json");
        File.WriteAllBytes(path, bytes);

        var problem = Assert.Single(ScheduleFile.Load(path).Problems);

        Assert.StartsWith($"not valid UTF-8 at byte {offset + 1} (line", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solve_of_an_event_file_with_a_bad_byte_exits_2_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var eventPath = folder.File("event.json");
        File.WriteAllBytes(eventPath, WithBadByte(out var offset));
        var output = folder.File("schedule.json");

        var run = await CliRunner.Run("solve", eventPath, "-o", output, "--time-limit", "1", "--workers", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"event.json: not valid UTF-8 at byte {offset} ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Utf16_file_is_named_as_such()
    {
        using var folder = new TempFolder();
        var path = folder.File("event.json");
        File.WriteAllText(path, Samples.Minimal, Encoding.Unicode);

        Assert.Equal(
            "$: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
            Assert.Single(EventFile.Load(path).Problems).ToString());
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_and_non_ascii_ids_is_read()
    {
        using var folder = new TempFolder();
        var path = folder.File("event.json");
        File.WriteAllText(path, Samples.Minimal.Replace("\"c\"", "\"Стефанович\"", StringComparison.Ordinal), new UTF8Encoding(true));

        var result = EventFile.Load(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal("Стефанович", result.Value!.Participants[2].Id);
    }

    [Fact]
    public void Escape_of_half_a_surrogate_pair_in_a_value_is_named_by_path() =>
        Assert.Equal(
            "participants[1].id: the text has a \\u escape that is half of a surrogate pair; text must be valid Unicode",
            Samples.Problem(Samples.Minimal.Replace("{ \"id\": \"b\" }", "{ \"id\": \"b\\ud800\" }", StringComparison.Ordinal)));

    [Fact]
    public void Escape_of_half_a_surrogate_pair_in_a_field_name_is_named_by_its_object() =>
        Assert.Equal(
            "rooms[0]: a field name has a \\u escape that is half of a surrogate pair; text must be valid Unicode",
            Samples.Problem(Samples.Minimal.Replace("\"capacity\": 4", "\"capacity\": 4, \"\\udc00\": 1", StringComparison.Ordinal)));

    [Fact]
    public void Escaped_surrogate_pair_is_text() =>
        Assert.Equal("b\U0001F600", Samples.Read(Samples.Minimal.Replace("{ \"id\": \"b\" }", "{ \"id\": \"b\\ud83d\\ude00\" }", StringComparison.Ordinal)
            .Replace("\"b\"]", "\"b\\ud83d\\ude00\"]", StringComparison.Ordinal)).Participants[1].Id);

    [Fact]
    public void Text_with_half_a_surrogate_pair_names_the_character() =>
        Assert.Equal(
            "$: the text is not valid Unicode at character 3: half of a surrogate pair",
            Assert.Single(EventFile.Parse("{\"a\uD800\": 1}").Problems).ToString());
}
