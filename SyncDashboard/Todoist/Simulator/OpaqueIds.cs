namespace SyncDashboard.Todoist.Simulator;

/// <summary>Todoist-style ids ("6X7rM8997g3RQmvh"): 16 alphanumerics, drawn from the caller's seeded
/// <see cref="Random"/> so the same seed yields the same account.</summary>
internal static class OpaqueIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Next(Random random) =>
        string.Create(16, random, static (chars, rnd) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[rnd.Next(Alphabet.Length)];
            }
        });
}
