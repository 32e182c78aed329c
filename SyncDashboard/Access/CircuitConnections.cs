namespace SyncDashboard.Access;

/// <summary>The open connections of Blazor circuits on this node, by session. A circuit keeps the user it started
/// with for as long as its connection lives; closing the connection is how a session that ended (signed out, its user
/// changed or removed, past its absolute lifetime) stops acting through an open tab, once its revalidation finds out
/// (<see cref="RevalidatingAccessState"/>). The tab's attempts to reconnect are refused (its cookie is gone or
/// revoked), and a reload lands on the login page.</summary>
public sealed class CircuitConnections(ILogger<CircuitConnections> logger)
{
    /// <summary>Blazor's hub: the circuit's negotiation, its WebSocket, or its long-polling requests.</summary>
    public static readonly PathString HubPath = "/_blazor";

    private readonly Dictionary<string, HashSet<HttpContext>> open = [];
    private readonly Lock gate = new();

    /// <summary>Aborts every open hub connection of the session on this node; returns how many there were.</summary>
    public int Close(string sessionId)
    {
        HttpContext[] connections;
        lock (gate)
        {
            if (!open.TryGetValue(sessionId, out var set)) return 0;
            connections = [.. set];
        }
        foreach (var http in connections) http.Abort();
        logger.LogInformation("Closed {Count} circuit connection(s) of an ended session", connections.Length);
        return connections.Length;
    }

    /// <summary>How many hub connections of signed-in sessions are open on this node.</summary>
    public int Count
    {
        get
        {
            lock (gate) return open.Values.Sum(set => set.Count);
        }
    }

    /// <summary>How many hub connections of the session are open on this node.</summary>
    public int OpenCount(string sessionId)
    {
        lock (gate) return open.TryGetValue(sessionId, out var set) ? set.Count : 0;
    }

    /// <summary>Runs a hub request of a signed-in session, remembered while it lasts (a WebSocket: the circuit's life).</summary>
    public async Task TrackAsync(HttpContext http, string sessionId, RequestDelegate next)
    {
        lock (gate)
        {
            if (!open.TryGetValue(sessionId, out var set)) open[sessionId] = set = [];
            set.Add(http);
        }
        try
        {
            await next(http);
        }
        finally
        {
            lock (gate)
            {
                if (open.TryGetValue(sessionId, out var set) && set.Remove(http) && set.Count == 0) open.Remove(sessionId);
            }
        }
    }
}
