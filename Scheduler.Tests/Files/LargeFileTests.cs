using System.Text;
using Scheduler.Engine.Files;

namespace Scheduler.Tests.Files;

/// <summary>Files the size of a large trade fair: read whole, with whole-file checks that do not recurse per meeting.</summary>
public class LargeFileTests
{
    /// <summary>An event of <paramref name="meetings"/> meetings, each after the one before it.</summary>
    private static string Chain(int meetings, bool closeTheCircle)
    {
        var s = new StringBuilder();
        s.Append("""{"schemaVersion":1,"event":{"name":"Fair","timeZone":"Europe/Berlin","days":[{"date":"2021-06-22","start":"09:00","end":"19:00"}]},"rooms":[{"id":"r","capacity":2}],"participants":[""");
        for (var p = 0; p < 400; p++) s.Append(p > 0 ? "," : "").Append("{\"id\":\"p").Append(p).Append("\"}");
        s.Append("],\"meetings\":[");
        for (var m = 0; m < meetings; m++)
        {
            var after = m > 0 ? m - 1 : closeTheCircle ? meetings - 1 : -1;
            s.Append(m > 0 ? "," : "")
                .Append($"{{\"id\":\"m{m}\",\"participants\":[\"p{m % 400}\",\"p{(m * 7 + 1) % 400}\"],\"durationMinutes\":30,")
                .Append("\"windows\":[{\"start\":\"2021-06-22T09:00\",\"end\":\"2021-06-22T19:00\"}]")
                .Append(after >= 0 ? $",\"after\":[\"m{after}\"]" : "")
                .Append('}');
        }

        return s.Append("]}").ToString();
    }

    [Fact]
    public void Eight_thousand_meetings_in_one_after_chain_are_read()
    {
        var ev = Samples.Read(Chain(8000, closeTheCircle: false));
        Assert.Equal(8000, ev.Meetings.Length);
        Assert.Equal("m7998", ev.Meetings[7999].After.Single());
    }

    [Fact]
    public void A_circle_through_eight_thousand_meetings_is_one_problem()
    {
        var problem = Assert.Single(EventFile.Parse(Chain(8000, closeTheCircle: true)).Problems);
        Assert.Equal("meetings[0].after", problem.Path);
        Assert.Equal(
            "circular order: \"m0\" is after \"m7999\", which is after \"m7998\", which is after \"m7997\", which is after \"m7996\", "
            + "which is after \"m7995\", which is after \"m7994\", which is after \"m7993\", which is after \"m7992\", "
            + "... and so on through 8000 meetings back to \"m0\"",
            problem.Message);
    }
}
