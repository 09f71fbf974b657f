using System.Text;
using CsvHelper;
using NodaTime;
using NodaTime.Text;
using Scheduler.Engine.Domain;
using Scheduler.Engine.Export;
using static Scheduler.Tests.Export.ExportTestEvents;

namespace Scheduler.Tests.Export;

public class CsvExporterTests
{
    private static readonly CsvReaderOptions Rfc4180 = CsvReaderOptions.Default with { Separator = ',' };

    private static string File(IReadOnlyList<ExportedFile> files, string path) =>
        Assert.Single(files, f => f.RelativePath == path).Content;

    /// <summary>Reads a file the way it lands on disk (UTF-8 bytes, BOM included) into header-keyed rows.</summary>
    private static List<Dictionary<string, string>> Read(string content)
    {
        using var reader = CsvReader.Create(Encoding.UTF8.GetBytes(content), Rfc4180);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToArray().Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));
        }

        return rows;
    }

    private static Instant ParseInstant(string text) => OffsetDateTimePattern.ExtendedIso.Parse(text).GetValueOrThrow().ToInstant();

    [Fact]
    public void Assignments_parse_back_to_the_schedule()
    {
        var (ev, schedule) = Summit();

        var rows = Read(File(CsvExporter.Export(ev, schedule), "assignments.csv"));

        var parsed = rows.Select(r => new Assignment(r["meeting"], r["roomId"], ParseInstant(r["startDateTime"]), ParseInstant(r["endDateTime"])));
        Assert.Equal(schedule.Assignments.OrderBy(a => a.Start), parsed);
    }

    [Fact]
    public void Assignment_rows_carry_local_times_names_and_delegations()
    {
        var (ev, schedule) = Summit();

        var trade = Read(File(CsvExporter.Export(ev, schedule), "assignments.csv")).Single(r => r["meeting"] == "trade");

        Assert.Equal(AwkwardTitle, trade["title"]);
        Assert.Equal("2021-06-22", trade["day"]);
        Assert.Equal("10:00", trade["start"]);
        Assert.Equal("10:30", trade["end"]);
        Assert.Equal("Salon \"Berlin\"", trade["room"]);
        Assert.Equal("Hotel Adlon", trade["building"]);
        Assert.Equal("Amélie Dupont; Luc Martin; Independent Observer", trade["participants"]);
        Assert.Equal("France", trade["delegations"]);
        Assert.Equal("dupont; martin; solo", trade["participantIds"]);
        Assert.Equal("2021-06-22T10:00:00+02:00", trade["startDateTime"]);
    }

    [Fact]
    public void A_title_with_comma_quote_and_newline_is_quoted_per_RFC_4180()
    {
        var (ev, schedule) = Summit();

        var content = File(CsvExporter.Export(ev, schedule), "assignments.csv");

        Assert.Contains(",\"Trade, \"\"tariffs\"\" & <b>more</b>\nsecond line\",", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_start_with_a_BOM_and_a_header_and_end_every_record_with_CRLF()
    {
        var (ev, schedule) = Summit();
        var files = CsvExporter.Export(ev, schedule);

        var assignments = File(files, "assignments.csv");
        var unscheduled = File(files, "unscheduled.csv");

        Assert.StartsWith("\uFEFFmeeting,title,day,start,end,room,building,participants,delegations,roomId,participantIds,startDateTime,endDateTime\r\n", assignments, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFmeeting,title,participants,code,reason\r\n", unscheduled, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", assignments, StringComparison.Ordinal);
        // The only bare LF is the one inside the quoted title.
        Assert.Equal(1, assignments.Replace("\r\n", "", StringComparison.Ordinal).Count(c => c == '\n'));
        Assert.Equal(1 + schedule.Assignments.Length + 1, assignments.Split("\r\n").Length);
    }

    [Fact]
    public void Unscheduled_rows_carry_the_reasons_in_meeting_order()
    {
        var (ev, schedule) = Summit();

        var rows = Read(File(CsvExporter.Export(ev, schedule), "unscheduled.csv"));

        Assert.Equal(["late", "never"], rows.Select(r => r["meeting"]));
        Assert.Equal("solo has no free 30-minute period, \"really\"", rows[1]["reason"]);
        Assert.Equal("busy", rows[1]["code"]);
        Assert.Equal("", rows[0]["code"]);
        Assert.Equal("Independent Observer; Amélie Dupont", rows[1]["participants"]);
        Assert.Equal("Never placed", rows[1]["title"]);
    }

    [Fact]
    public void Local_times_across_the_DST_change_show_the_wall_clock_and_offsets()
    {
        var (ev, schedule) = DstNight();

        var night = Read(File(CsvExporter.Export(ev, schedule), "assignments.csv")).Single(r => r["meeting"] == "night");

        Assert.Equal("01:30", night["start"]);
        Assert.Equal("03:30", night["end"]);
        Assert.Equal("2021-03-28T01:30:00+01:00", night["startDateTime"]);
        Assert.Equal("2021-03-28T03:30:00+02:00", night["endDateTime"]);
        Assert.Equal(Duration.FromHours(1), ParseInstant(night["endDateTime"]) - ParseInstant(night["startDateTime"]));
    }

    [Fact]
    public void An_empty_schedule_still_has_header_rows()
    {
        var (ev, schedule) = DstNight();

        var files = CsvExporter.Export(ev, schedule with { Assignments = [], Unscheduled = [] });

        Assert.Equal("\uFEFFmeeting,title,participants,code,reason\r\n", File(files, "unscheduled.csv"));
        Assert.Empty(Read(File(files, "assignments.csv")));
    }

    [Fact]
    public void Two_exports_are_identical()
    {
        var (ev, schedule) = Summit();

        Assert.Equal(CsvExporter.Export(ev, schedule), CsvExporter.Export(ev, schedule));
    }
}
