using Scheduler.Engine.Domain;
using Scheduler.Engine.Files;
using Scheduler.Engine.Generation;

namespace Scheduler.Tests.Generation;

/// <summary>Generated events are real event files: the writer's output passes the reader and means the same.</summary>
public sealed class GeneratedFileTests
{
    private static Event RoundTrip(Event ev)
    {
        var read = EventFile.Parse(EventFile.Write(ev));
        Assert.True(read.Succeeded, string.Join("\n", read.Problems.Take(10)));
        return read.Value!;
    }

    [Fact]
    public void Full_size_conference_passes_the_reader_unchanged()
    {
        var ev = ConferenceGenerator.Generate(new ConferenceOptions());
        Assert.Equal(GeneratorTests.Fingerprint(ev), GeneratorTests.Fingerprint(RoundTrip(ev)));
    }

    [Fact]
    public void Full_size_fair_passes_the_reader_unchanged()
    {
        var ev = TradeFairGenerator.Generate(new TradeFairOptions());
        Assert.Equal(GeneratorTests.Fingerprint(ev), GeneratorTests.Fingerprint(RoundTrip(ev)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Conferences_of_other_seeds_and_sizes_pass_the_reader(int seed)
    {
        RoundTrip(ConferenceGenerator.Generate(new ConferenceOptions { Seed = seed, Delegates = 30, Requests = 40, Rooms = 2, Days = 1 }));
        RoundTrip(ConferenceGenerator.Generate(new ConferenceOptions { Seed = seed, Delegates = 200, Requests = 300, Rooms = 5, Days = 2 }));
    }

    [Fact]
    public void Same_seed_writes_the_same_file()
    {
        Assert.Equal(EventFile.Write(TradeFairGenerator.Generate(GeneratorTests.SmallFair)),
            EventFile.Write(TradeFairGenerator.Generate(GeneratorTests.SmallFair)));
    }
}
