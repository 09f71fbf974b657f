using NodaTime;
using NodaTime.Text;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Export;

/// <summary>
/// One day's grid: rooms across, rows of one grain each down, a meeting one cell spanning its rows.
/// Rows step through real time from the day's opening instant, so a DST day has its real number of rows
/// (a 02:00 that never happened has no row; a repeated hour has its rows twice, told apart by the offset).
/// </summary>
internal sealed class HtmlDayGrid
{
    private static readonly LocalDatePattern DayTitle = LocalDatePattern.CreateWithInvariantCulture("dddd d MMMM uuuu");
    private static readonly OffsetPattern OffsetLabel = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    private readonly ExportView view;
    private readonly EventDay day;
    private readonly Instant open;
    private readonly Instant close;
    private readonly int rowCount;

    public HtmlDayGrid(ExportView view, EventDay day)
    {
        this.view = view;
        this.day = day;
        open = day.StartInstant(view.Zone);
        close = day.EndInstant(view.Zone);
        var grain = view.Event.Grain;
        rowCount = (int)Math.Ceiling((close - open).TotalTicks / (double)grain.TotalTicks);
    }

    /// <summary>True when <paramref name="a"/> starts within this day's hours.</summary>
    public bool Holds(Assignment a) => a.Start >= open && a.Start < close;

    public static string Title(LocalDate date) => DayTitle.Format(date);

    public static string Anchor(LocalDate date) => "day-" + ExportView.FormatDate(date);

    /// <summary>
    /// Writes the day's section. Assignments that cannot be drawn (a meeting overlapping another in the same
    /// room, which only an invalid schedule has) are listed under the grid instead, so none goes missing.
    /// </summary>
    public void Write(HtmlMarkup html, IReadOnlyList<Assignment> assignments)
    {
        html.Open("section", ("class", "day"), ("id", Anchor(day.Date)));
        html.Element("h2", $"{Title(day.Date)} \u00b7 {ExportView.FormatTime(view.Local(open))}\u2013{ExportView.FormatTime(view.Local(close))}");
        if (assignments.Count == 0 || rowCount <= 0)
        {
            html.Element("p", "No meetings on this day.", ("class", "empty"));
            html.Close();
            return;
        }

        var rooms = RoomsInOrder(assignments);
        var cells = new Assignment?[rowCount, rooms.Count];
        var covered = new bool[rowCount, rooms.Count];
        var notDrawn = new List<Assignment>();
        foreach (var a in assignments)
        {
            var column = rooms.IndexOf(a.Room);
            var (first, last) = Rows(a);
            var free = true;
            for (var r = first; r <= last; r++) free &= !covered[r, column];
            if (!free)
            {
                notDrawn.Add(a);
                continue;
            }

            cells[first, column] = a;
            for (var r = first; r <= last; r++) covered[r, column] = true;
        }

        html.Open("table", ("class", "grid"));
        html.Open("thead");
        html.Open("tr");
        html.Element("th", "Time", ("class", "time"), ("scope", "col"));
        foreach (var room in rooms)
        {
            html.Open("th", ("scope", "col"), ("data-room", room));
            html.Element("div", view.RoomName(room), ("class", "room"));
            var building = view.BuildingName(room);
            if (building is not null) html.Element("div", building, ("class", "building"));
            html.Close();
        }

        html.Close();
        html.Close();
        html.Open("tbody");
        var showOffset = view.Zone.GetUtcOffset(open) != view.Zone.GetUtcOffset(close);
        for (var r = 0; r < rowCount; r++) WriteRow(html, r, rooms, cells, covered, showOffset);
        html.Close();
        html.Close();

        if (notDrawn.Count > 0)
        {
            html.Element("p", "Not drawn in the grid because they overlap another meeting in the same room:", ("class", "warning"));
            html.Open("ul");
            foreach (var a in notDrawn)
            {
                html.Element("li", $"{view.TimeRange(a)} {view.Title(a.Meeting)} ({view.Location(a.Room)})", ("data-meeting", a.Meeting));
            }

            html.Close();
        }

        html.Close();
    }

    private void WriteRow(HtmlMarkup html, int r, List<string> rooms, Assignment?[,] cells, bool[,] covered, bool showOffset)
    {
        var rowStart = open + (view.Event.Grain * r);
        var local = view.Local(rowStart);
        var inBreak = view.Event.Breaks.FirstOrDefault(b => b.On(day.Date, view.Zone).Contains(rowStart));
        html.Open("tr", ("class", inBreak is null ? null : "break"));
        html.Open("th", ("class", "time"), ("scope", "row"));
        html.Text(ExportView.FormatTime(local));
        if (showOffset) html.Element("span", " " + OffsetLabel.Format(local.Offset), ("class", "offset"));
        if (inBreak is not null && inBreak.Name.Length > 0 && IsFirstBreakRow(inBreak, rowStart))
            html.Element("div", inBreak.Name, ("class", "break-name"));
        html.Close();
        for (var c = 0; c < rooms.Count; c++)
        {
            if (cells[r, c] is { } a)
            {
                WriteMeetingCell(html, a);
            }
            else if (!covered[r, c])
            {
                html.Open("td", ("class", inBreak is null ? "free" : "break"));
                html.Close();
            }
        }

        html.Close();
    }

    private bool IsFirstBreakRow(DailyBreak b, Instant rowStart) =>
        rowStart - view.Event.Grain < open || !b.On(day.Date, view.Zone).Contains(rowStart - view.Event.Grain);

    private void WriteMeetingCell(HtmlMarkup html, Assignment a)
    {
        var (first, last) = Rows(a);
        html.Open("td",
            ("class", "meeting"),
            ("rowspan", last > first ? (last - first + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
            ("data-meeting", a.Meeting),
            ("data-room", a.Room),
            ("data-start", ExportView.FormatOffset(view.Local(a.Start))),
            ("data-end", ExportView.FormatOffset(view.Local(a.End))));
        html.Element("div", view.Title(a.Meeting), ("class", "title"));
        html.Element("div", view.TimeRange(a), ("class", "when"));
        // Names only: a grid cell is narrow, and the agendas and room sheets give the delegations.
        html.Element("div", string.Join(CsvExporter.ListSeparator, view.ParticipantIds(a.Meeting).Select(view.ParticipantName)), ("class", "who"));
        html.Close();
    }

    /// <summary>The first and last row an assignment covers, clipped to the day (an off-grid time rounds outwards).</summary>
    private (int First, int Last) Rows(Assignment a)
    {
        var grainTicks = view.Event.Grain.TotalTicks;
        var first = (int)Math.Floor((a.Start - open).TotalTicks / grainTicks);
        var last = (int)Math.Ceiling((a.End - open).TotalTicks / grainTicks) - 1;
        first = Math.Clamp(first, 0, rowCount - 1);
        last = Math.Clamp(last, first, rowCount - 1);
        return (first, last);
    }

    private List<string> RoomsInOrder(IReadOnlyList<Assignment> assignments)
    {
        var used = assignments.Select(a => a.Room).ToHashSet(StringComparer.Ordinal);
        var rooms = view.Event.Rooms.Select(r => r.Id).Where(used.Contains).ToList();
        rooms.AddRange(used.Where(id => view.Event.FindRoom(id) is null).Order(StringComparer.Ordinal));
        return rooms;
    }
}
