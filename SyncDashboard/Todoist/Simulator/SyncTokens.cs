using System.Buffers.Text;
using System.Security.Cryptography;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>Issues opaque sync tokens and remembers the change sequence each was issued at. Tokens are random on
/// purpose: a client that tries to parse or increment them breaks here as it would against Todoist. The oldest
/// tokens are forgotten past a cap, which clients then see as an invalid token, as with Todoist's expired ones.</summary>
internal sealed class SyncTokens(int capacity = 10_000)
{
    private readonly Dictionary<string, long> sequences = new(StringComparer.Ordinal);
    private readonly Queue<string> issued = new();

    public string Issue(long sequence)
    {
        string token;
        do
        {
            token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(30));
        } while (sequences.ContainsKey(token));

        sequences[token] = sequence;
        issued.Enqueue(token);
        if (issued.Count > capacity)
        {
            sequences.Remove(issued.Dequeue());
        }
        return token;
    }

    public bool TryResolve(string token, out long sequence) => sequences.TryGetValue(token, out sequence);
}
