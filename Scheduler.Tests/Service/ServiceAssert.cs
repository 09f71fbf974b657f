using System.Net;
using System.Text.Json;
using Scheduler.Engine.Files;

namespace Scheduler.Tests.Service;

/// <summary>Checks on the service's problem answers.</summary>
internal static class ServiceAssert
{
    /// <summary>
    /// Asserts <paramref name="response"/> is a problem (<c>application/problem+json</c>) with <paramref name="status"/>
    /// and returns its <c>problems</c> list (empty when it has none).
    /// </summary>
    public static async Task<List<InputProblem>> Problems(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        return root.TryGetProperty("problems", out var problems)
            ? problems.EnumerateArray().Select(p => new InputProblem(p.GetProperty("path").GetString()!, p.GetProperty("message").GetString()!)).ToList()
            : [];
    }
}
