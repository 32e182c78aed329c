using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>Reads a sync request body: <c>application/x-www-form-urlencoded</c> with JSON-encoded values (the
/// reference's form) or <c>application/json</c> (the official SDK's form). Either a request or an error reply.</summary>
internal static class SyncRequestReader
{
    /// <summary>Todoist refuses request bodies over 1 MiB.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Todoist runs at most 100 commands per request.</summary>
    public const int MaxCommands = 100;

    public static async Task<(SyncRequestArgs? Args, SimulatorReply? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return (null, SimulatorErrors.TooLarge(MaxBodyBytes));
        var body = await ReadCappedAsync(request.Body, ct);
        if (body is null) return (null, SimulatorErrors.TooLarge(MaxBodyBytes));

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        return mediaType?.ToLowerInvariant() switch
        {
            "application/json" => FromJson(body),
            // A body-less POST carries no content type; it is then simply missing its arguments.
            "application/x-www-form-urlencoded" or null => FromForm(body),
            _ => (null, SimulatorErrors.UnsupportedMediaType()),
        };
    }

    private static (SyncRequestArgs?, SimulatorReply?) FromForm(byte[] body)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        IReadOnlyList<SyncCommand>? commands = null;
        if (form.TryGetValue("commands", out var commandValues) && commandValues.ToString() is { Length: > 0 } commandsJson)
        {
            commands = Commands(commandsJson);
            if (commands is null) return (null, SimulatorErrors.InvalidArgumentValue("commands"));
        }

        string? token = null;
        if (form.TryGetValue("sync_token", out var tokenValues) && tokenValues.ToString() is { Length: > 0 } text)
        {
            token = text;
        }
        else if (commands is null)
        {
            return (null, SimulatorErrors.ArgumentMissing("sync_token"));
        }
        // Values are JSON-encoded; a bare * or token (what most clients send) is taken as the string itself.
        if (token is not null && token.StartsWith('"'))
        {
            try { token = JsonSerializer.Deserialize<string>(token) ?? ""; }
            catch (JsonException) { return (null, SimulatorErrors.InvalidArgumentValue("sync_token")); }
        }

        IReadOnlyList<string>? types = null;
        if (form.TryGetValue("resource_types", out var typeValues) && typeValues.ToString() is { Length: > 0 } typesJson)
        {
            try { types = JsonSerializer.Deserialize<string[]>(typesJson); }
            catch (JsonException) { return (null, SimulatorErrors.InvalidArgumentValue("resource_types")); }
        }
        return (new SyncRequestArgs(token, types, commands), null);
    }

    private static (SyncRequestArgs?, SimulatorReply?) FromJson(byte[] body)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(body); }
        catch (JsonException) { return (null, SimulatorErrors.InvalidArgumentValue("body")); }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, SimulatorErrors.ArgumentMissing("sync_token"));

            IReadOnlyList<SyncCommand>? commands = null;
            if (root.TryGetProperty("commands", out var commandsElement))
            {
                commands = commandsElement.ValueKind switch
                {
                    JsonValueKind.Array => Commands(commandsElement),
                    JsonValueKind.String => Commands(commandsElement.GetString()!),
                    _ => null,
                };
                if (commands is null) return (null, SimulatorErrors.InvalidArgumentValue("commands"));
            }

            string? token = null;
            if (root.TryGetProperty("sync_token", out var tokenElement))
            {
                if (tokenElement.ValueKind != JsonValueKind.String || tokenElement.GetString() is not { Length: > 0 } text)
                {
                    return (null, SimulatorErrors.InvalidArgumentValue("sync_token"));
                }
                token = text;
            }
            else if (commands is null)
            {
                return (null, SimulatorErrors.ArgumentMissing("sync_token"));
            }

            IReadOnlyList<string>? types = null;
            if (root.TryGetProperty("resource_types", out var typesElement))
            {
                types = StringArray(typesElement);
                if (types is null) return (null, SimulatorErrors.InvalidArgumentValue("resource_types"));
            }
            return (new SyncRequestArgs(token, types, commands), null);
        }
    }

    /// <summary>The commands of a JSON array, each an object with a <c>type</c> and a <c>uuid</c>; null when the array
    /// is not that or holds more than Todoist runs in one request.</summary>
    private static IReadOnlyList<SyncCommand>? Commands(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Commands(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<SyncCommand>? Commands(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() > MaxCommands) return null;
        var commands = new List<SyncCommand>();
        foreach (var command in array.EnumerateArray())
        {
            if (command.ValueKind != JsonValueKind.Object
                || !command.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !command.TryGetProperty("uuid", out var uuid) || uuid.ValueKind != JsonValueKind.String
                || type.GetString() is not { Length: > 0 } typeName || uuid.GetString() is not { Length: > 0 } id)
            {
                return null;
            }
            commands.Add(new SyncCommand(typeName, id));
        }
        return commands;
    }

    /// <summary>An array of strings, or a string holding one (some clients JSON-encode values in JSON bodies too).</summary>
    private static string[]? StringArray(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Array => element.Deserialize<string[]>(),
                JsonValueKind.String => JsonSerializer.Deserialize<string[]>(element.GetString()!),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body, or null when it is longer than the limit (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
