using System.CommandLine;

namespace Scheduler.Cli.Commands;

/// <summary>A file-name argument that refuses option-like tokens, so a mistyped option is reported as one.</summary>
internal static class FileArgument
{
    /// <summary>A required file argument.</summary>
    public static Argument<string> Required(string name, string description) =>
        Guard(new Argument<string>(name) { Description = description });

    /// <summary>An optional file argument.</summary>
    public static Argument<string?> Optional(string name, string description) =>
        Guard(new Argument<string?>(name) { Description = description, Arity = ArgumentArity.ZeroOrOne });

    /// <summary>True for a token that looks like an option (<c>-x</c>, <c>--xyz</c>) rather than a file name.</summary>
    public static bool IsOptionLike(string? token) => token is { Length: > 1 } && token[0] == '-';

    private static Argument<T> Guard<T>(Argument<T> argument)
    {
        // The parser hands an unknown "--frob" to a waiting argument; nobody names an input file "--frob".
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (IsOptionLike(token.Value)) result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        return argument;
    }
}
