using System.Collections.Immutable;
using System.Text;

namespace Scheduler.Engine.Files;

/// <summary>
/// Where a value sits in a JSON document: renders as <c>meetings[3].participants[1]</c> (<c>$</c> for the root)
/// and yields a key that sorts problems in document order. Built on demand from a parent chain, so walking
/// a large file costs one small object per visited value and no strings.
/// </summary>
internal sealed class JsonPath
{
    private readonly JsonPath? parent;
    private readonly string? name;
    private readonly int position;

    private JsonPath(JsonPath? parent, string? name, int position)
    {
        this.parent = parent;
        this.name = name;
        this.position = position;
    }

    /// <summary>The whole document.</summary>
    public static JsonPath Root { get; } = new(null, null, 0);

    /// <summary>A field of this object; <paramref name="ordinal"/> is its place among the object's fields in the file.</summary>
    public JsonPath Field(string fieldName, int ordinal) => new(this, fieldName, ordinal);

    /// <summary>An element of this array.</summary>
    public JsonPath Item(int index) => new(this, null, index);

    /// <summary>The positions from the root down to here; comparing them lexicographically gives document order.</summary>
    public int[] Key()
    {
        var depth = 0;
        for (var p = this; p.parent is not null; p = p.parent) depth++;
        var key = new int[depth];
        for (var p = this; p.parent is not null; p = p.parent) key[--depth] = p.position;
        return key;
    }

    public override string ToString()
    {
        if (parent is null) return "$";
        var chain = new Stack<JsonPath>();
        for (var p = this; p.parent is not null; p = p.parent) chain.Push(p);
        var text = new StringBuilder();
        foreach (var p in chain)
        {
            if (p.name is null) text.Append('[').Append(p.position).Append(']');
            else
            {
                if (text.Length > 0) text.Append('.');
                text.Append(p.name);
            }
        }

        return text.ToString();
    }
}

/// <summary>Problems found while reading a document; handed out in document order whatever order they were found in.</summary>
internal sealed class ProblemList
{
    private readonly List<(int[] Key, InputProblem Problem)> items = [];

    public int Count => items.Count;

    public void Add(JsonPath at, string message) => items.Add((at.Key(), new InputProblem(at.ToString(), message)));

    /// <summary>The problems sorted by where they are in the file; problems at one place keep the order they were found in.</summary>
    public ImmutableArray<InputProblem> InDocumentOrder() =>
        items.Select((item, found) => (item, found))
            .OrderBy(x => x.item.Key, KeyComparer.Instance)
            .ThenBy(x => x.found)
            .Select(x => x.item.Problem)
            .ToImmutableArray();

    private sealed class KeyComparer : IComparer<int[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            var a = x!;
            var b = y!;
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                if (a[i] != b[i]) return a[i].CompareTo(b[i]);
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
