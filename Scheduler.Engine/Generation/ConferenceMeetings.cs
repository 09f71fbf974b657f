using System.Collections.Immutable;
using NodaTime;
using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Generation;

public static partial class ConferenceGenerator
{
    private const double HostShare = 0.3, SecureShare = 0.15, InterpretationShare = 0.3, RequiredShare = 0.02, FollowUpShare = 0.04;
    private const int PinnedMeetings = 2;

    private static ImmutableArray<MeetingRequest> Meetings(ConferenceOptions o, Random rng, LocalDate[] dates,
        ImmutableArray<Room> rooms, ImmutableArray<Delegation> delegations, List<List<int>> members, int hosts,
        ImmutableArray<Participant> participants)
    {
        int n = members.Count;
        // Only looked up, never enumerated, so its order cannot leak into the output.
        var pairs = new HashSet<(int, int)>();
        var sides = new List<(int A, int B)>(o.Requests);
        var requiredPerParticipant = new int[participants.Length];
        var pinDay = dates[Math.Min(1, dates.Length - 1)];
        int pinsMade = 0;
        var result = ImmutableArray.CreateBuilder<MeetingRequest>(o.Requests);
        for (int k = 0; k < o.Requests; k++)
        {
            var id = GenerationKit.Id("m", k + 1, o.Requests);
            int a, b, attempts = 0;
            var after = ImmutableArray<string>.Empty;
            if (k > 0 && rng.Chance(FollowUpShare))
            {
                // A follow-up: the same two delegations meet again after an earlier meeting of theirs.
                int earlier = rng.Next(k);
                (a, b) = sides[earlier];
                after = [result[earlier].Id];
            }
            else
            {
                do
                {
                    if (rng.Chance(HostShare)) { a = rng.Next(hosts); b = hosts + rng.Next(n - hosts); }
                    else { a = rng.Next(n); b = rng.Next(n - 1); if (b >= a) b++; }
                }
                while (!pairs.Add(Key(a, b)) && ++attempts < 20);
            }
            sides.Add((a, b));

            var people = new List<int> { Lead(rng, members[a], a < hosts), Lead(rng, members[b], b < hosts) };
            foreach (var side in new[] { a, b })
                if (members[side].Count > 1 && rng.Chance(0.4))
                {
                    int aide = members[side][1 + rng.Next(members[side].Count - 1)];
                    if (!people.Contains(aide)) people.Add(aide);
                }

            double d = rng.NextDouble();
            var duration = Duration.FromMinutes(d < 0.5 ? 30 : d < 0.8 ? 45 : 60);
            var features = ImmutableArray.CreateBuilder<string>();
            if (rng.Chance(InterpretationShare)) features.Add("interpretation");
            if (rng.Chance(SecureShare)) features.Add("secure");
            int seats = rooms.Where(r => r.HasAll(features)).Max(r => r.Capacity);
            int headcount = Math.Min(people.Count + rng.Next(5), seats);
            long weight = 1 + rng.Next(10);
            bool fullTime = people.All(p => participants[p].Available.IsEmpty);
            bool required = fullTime && after.IsEmpty && rng.Chance(RequiredShare)
                && people.All(p => requiredPerParticipant[p] < 2);
            if (required)
            {
                weight = 10;
                foreach (var p in people) requiredPerParticipant[p]++;
            }

            MeetingPin? pin = null;
            var windows = ImmutableArray<Interval>.Empty;
            if (!required && a < hosts && fullTime && after.IsEmpty && pinsMade < PinnedMeetings && duration <= Duration.FromHours(1))
            {
                // Afternoon pins in the secure suite: clear of the plenary and of each other.
                pin = new MeetingPin(GenerationKit.At(pinDay, 15 + pinsMade), rooms[0].Id);
                headcount = Math.Min(headcount, rooms[0].Capacity);
                pinsMade++;
            }
            else if (!required && rng.Chance(0.1))
            {
                var day = dates[rng.Next(dates.Length)];
                windows = GenerationKit.One(new Interval(GenerationKit.At(day, OpenHour), GenerationKit.At(day, CloseHour)));
            }

            result.Add(new MeetingRequest(id, $"{delegations[a].Name} - {delegations[b].Name}",
                people.Select(p => participants[p].Id).ToImmutableArray(), duration, required, weight, headcount,
                features.ToImmutable(), windows, pin, after));
        }
        return result.MoveToImmutable();
    }

    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);

    // A host fields its minister or a deputy; other delegations send their minister.
    private static int Lead(Random rng, List<int> members, bool host) =>
        host ? members[rng.Next(Math.Min(3, members.Count))] : members[0];
}
