using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Scheduler.Cli.Service;

/// <summary>
/// Checks <c>Authorization: Bearer KEY</c> on every <c>/v1</c> request when the service has a key. The comparison
/// takes the same time whatever the key sent, so timing does not reveal how much of it was right.
/// </summary>
internal sealed class ApiKeyCheck
{
    private const string Scheme = "Bearer ";
    private readonly byte[] expectedHash;

    /// <summary>A check for <paramref name="apiKey"/>.</summary>
    public ApiKeyCheck(string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
    }

    /// <summary>The middleware: passes requests outside <c>/v1</c> and requests with the right key, answers 401 otherwise.</summary>
    public async Task Invoke(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!context.Request.Path.StartsWithSegments("/v1"))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (Matches(header))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        await ServiceProblems.Unauthorized(header.Length > 0).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer</c> and the key.</summary>
    public bool Matches(string authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var given = authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? authorization[Scheme.Length..].Trim() : "";
        // Hashing first gives both sides one length, so the comparison's time does not depend on the key's length either.
        var givenHash = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        return CryptographicOperations.FixedTimeEquals(givenHash, expectedHash) && given.Length > 0;
    }
}
