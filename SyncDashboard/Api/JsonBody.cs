using System.Text.Json;

namespace SyncDashboard.Api;

/// <summary>Reads the small JSON object an action takes as its body, by hand: a missing, oversized or malformed body
/// gets a 400 whose errors name <c>body</c> and say what was wrong, like a bad parameter, instead of the framework's
/// bare 400. (A body that is not JSON at all never gets here: <see cref="JsonBodiesOnly"/> answers 415.)</summary>
public static class JsonBody
{
    /// <summary>Far more than a note needs; a larger body is refused before it is parsed.</summary>
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, string example, CancellationToken ct)
        where T : class
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, Bad($"must be at most {MaxBytes / 1024} KB"));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (null, Bad($"is required: a JSON object such as {example}"));
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null ? (null, Bad($"must be a JSON object such as {example}")) : (value, null);
        }
        catch (JsonException ex)
        {
            // The parser's message says where and what (a path and a line number), never more than the body held.
            return (null, Bad($"must be a JSON object such as {example} ({ex.Message})"));
        }
    }

    private static IResult Bad(string problem) => ApiProblems.BadParameter("body", problem);
}
