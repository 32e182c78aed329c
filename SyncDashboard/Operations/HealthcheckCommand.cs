namespace SyncDashboard.Operations;

/// <summary><c>dotnet SyncDashboard.dll healthcheck [--urls URL]</c>: asks the running app on this machine whether it is
/// ready (<c>GET /healthz/ready</c>) and exits 0 when it is, 1 when it is not or does not answer. The ASP.NET Core
/// runtime image has no curl; this is the Docker HEALTHCHECK's probe, and needs nothing but the app itself.</summary>
public static class HealthcheckCommand
{
    public const string Name = "healthcheck";

    /// <summary>Docker's own default timeout for a check is 30 s; the probe gives up well before it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var address = ReadinessAddress(args, Environment.GetEnvironmentVariable);
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(address);
            var status = (await response.Content.ReadAsStringAsync()).Trim();
            output.WriteLine($"{address}: {(int)response.StatusCode} {Shorten(status)}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            output.WriteLine($"{address}: no answer ({error.Message})");
            return 1;
        }
    }

    /// <summary>Where this machine's app listens, as Kestrel reads it: <c>--urls</c>, else <c>ASPNETCORE_URLS</c>,
    /// else <c>ASPNETCORE_HTTP_PORTS</c> (8080 in the .NET container images), else Kestrel's default port 5000. A
    /// wildcard host (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>) is asked on the loopback address.</summary>
    public static Uri ReadinessAddress(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var urls = Option(args, "--urls") ?? environment("ASPNETCORE_URLS");
        string root;
        if (!string.IsNullOrWhiteSpace(urls))
        {
            var candidates = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // Plain HTTP if there is one: the probe need not trust the app's certificate.
            var chosen = candidates.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                         ?? candidates[0];
            root = LoopbackFor(chosen);
        }
        else
        {
            var port = environment("ASPNETCORE_HTTP_PORTS")?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Trim()).FirstOrDefault() ?? "5000";
            root = $"http://127.0.0.1:{port}";
        }
        return new Uri(new Uri(root.TrimEnd('/') + "/"), OperationsSetup.ReadyPath.TrimStart('/'));
    }

    private static string LoopbackFor(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = url[..schemeEnd];
        var rest = url[(schemeEnd + 3)..];
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']') + 1 : rest.IndexOfAny([':', '/']) is var i && i >= 0 ? i : rest.Length;
        var host = rest[..hostEnd];
        var wildcard = host is "+" or "*" or "0.0.0.0" or "[::]" or "localhost";
        return $"{scheme}://{(wildcard ? "127.0.0.1" : host)}{rest[hostEnd..]}";
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count) return args[i + 1];
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) return args[i][(name.Length + 1)..];
        }
        return null;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
