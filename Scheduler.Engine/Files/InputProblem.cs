using System.Collections.Immutable;

namespace Scheduler.Engine.Files;

/// <summary>
/// One problem with a user's input file: where it is (a JSON path such as <c>meetings[3].participants[1]</c>,
/// or <c>$</c> for the whole document, with line and column for malformed JSON) and what is wrong, in a plain sentence.
/// </summary>
/// <param name="Path">Where the problem is.</param>
/// <param name="Message">What is wrong.</param>
public sealed record InputProblem(string Path, string Message)
{
    /// <summary>The problem as the command line prints it: <c>path: message</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// The outcome of reading a file: a value, or every problem found. User mistakes are values, not exceptions.
/// </summary>
/// <typeparam name="T">What was read.</typeparam>
public sealed class ReadResult<T> where T : class
{
    private ReadResult(T? value, ImmutableArray<InputProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>The value; non-null exactly when <see cref="Problems"/> is empty.</summary>
    public T? Value { get; }

    /// <summary>Every problem found, in document order.</summary>
    public ImmutableArray<InputProblem> Problems { get; }

    /// <summary>True when the file was read without problems.</summary>
    public bool Succeeded => Problems.IsEmpty;

    /// <summary>A successful read.</summary>
    public static ReadResult<T> Success(T value) =>
        new(value ?? throw new ArgumentNullException(nameof(value)), ImmutableArray<InputProblem>.Empty);

    /// <summary>A failed read; <paramref name="problems"/> must not be empty.</summary>
    public static ReadResult<T> Failure(IEnumerable<InputProblem> problems)
    {
        var list = problems.ToImmutableArray();
        if (list.IsEmpty) throw new ArgumentException("A failure needs at least one problem.", nameof(problems));
        return new(null, list);
    }
}
