namespace Scheduler.Engine.Files;

/// <summary>Finds circular <c>after</c> chains among meetings, one cycle per circular group, in linear time.</summary>
internal static class AfterCycles
{
    /// <summary>
    /// For each strongly connected group of the <c>after</c> graph that contains a cycle: the path of the
    /// <c>after</c> list of its first meeting in file order, and one cycle through that meeting (each id is
    /// after the next; the last is after the first).
    /// </summary>
    /// <param name="edges">Per meeting with an <c>after</c> list, in file order: its id, the list's path, the known ids it names.</param>
    public static List<(JsonPath Path, List<string> Cycle)> Find(IReadOnlyList<(string Meeting, JsonPath Path, List<string> Before)> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        int Node(string id)
        {
            if (!index.TryGetValue(id, out var n))
            {
                n = names.Count;
                index.Add(id, n);
                names.Add(id);
            }

            return n;
        }

        var firstPath = new Dictionary<int, JsonPath>();
        var adjacency = new List<List<int>>();
        foreach (var (meeting, path, before) in edges)
        {
            var from = Node(meeting);
            firstPath.TryAdd(from, path);
            foreach (var b in before) Node(b);
            while (adjacency.Count < names.Count) adjacency.Add([]);
            adjacency[from].AddRange(before.Select(b => index[b]));
        }

        while (adjacency.Count < names.Count) adjacency.Add([]);
        var component = StronglyConnected(adjacency);
        var members = new Dictionary<int, List<int>>();
        for (var v = 0; v < names.Count; v++)
        {
            if (!members.TryGetValue(component[v], out var list)) members.Add(component[v], list = []);
            list.Add(v);
        }

        var result = new List<(JsonPath, List<string>)>();
        foreach (var group in members.Values.OrderBy(g => g.Min()))
        {
            var start = group.Min();
            if (group.Count == 1 && !adjacency[start].Contains(start)) continue;
            var cycle = ShortestCycle(start, adjacency, component);
            result.Add((firstPath[start], cycle.ConvertAll(v => names[v])));
        }

        return result;
    }

    /// <summary>A shortest cycle through <paramref name="start"/> inside its component (breadth-first search).</summary>
    private static List<int> ShortestCycle(int start, List<List<int>> adjacency, int[] component)
    {
        var previous = new Dictionary<int, int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in adjacency[v])
            {
                if (component[w] != component[start]) continue;
                if (w == start)
                {
                    var cycle = new List<int>();
                    for (var u = v; u != start; u = previous[u]) cycle.Add(u);
                    cycle.Add(start);
                    cycle.Reverse();
                    return cycle;
                }

                if (previous.TryAdd(w, v)) queue.Enqueue(w);
            }
        }

        throw new InvalidOperationException("A strongly connected component with an edge must contain a cycle.");
    }

    /// <summary>Tarjan's algorithm without recursion, so long chains of meetings cannot overflow the stack.</summary>
    private static int[] StronglyConnected(List<List<int>> adjacency)
    {
        var n = adjacency.Count;
        var order = new int[n];
        var low = new int[n];
        var component = new int[n];
        Array.Fill(order, -1);
        var onStack = new bool[n];
        var stack = new Stack<int>();
        var calls = new Stack<(int Node, int Edge)>();
        var counter = 0;
        var components = 0;
        for (var root = 0; root < n; root++)
        {
            if (order[root] >= 0) continue;
            calls.Push((root, 0));
            order[root] = low[root] = counter++;
            stack.Push(root);
            onStack[root] = true;
            while (calls.Count > 0)
            {
                var (v, edge) = calls.Pop();
                if (edge < adjacency[v].Count)
                {
                    calls.Push((v, edge + 1));
                    var w = adjacency[v][edge];
                    if (order[w] < 0)
                    {
                        order[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack[w] = true;
                        calls.Push((w, 0));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], order[w]);
                    }

                    continue;
                }

                if (low[v] == order[v])
                {
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component[w] = components;
                    }
                    while (w != v);
                    components++;
                }

                if (calls.Count > 0)
                {
                    var parent = calls.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return component;
    }
}
