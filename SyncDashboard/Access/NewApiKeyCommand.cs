namespace SyncDashboard.Access;

/// <summary>Prints a fresh API key and the hash that goes into <c>Access:ApiKeys:&lt;n&gt;:Hash</c>. The key is
/// shown once and stored nowhere: give it to the client, configure only the hash.</summary>
public static class NewApiKeyCommand
{
    public const string Name = "new-api-key";

    public static int Run() => Run(Console.Out);

    public static int Run(TextWriter output)
    {
        var key = ApiKeys.NewKey();
        output.WriteLine($"Key  (give it to the client; it is not stored): {key}");
        output.WriteLine($"Hash (Access:ApiKeys:<n>:Hash):                 {ApiKeys.HashOf(key)}");
        output.WriteLine("Also set Access:ApiKeys:<n>:Name (who uses it) and Access:ApiKeys:<n>:Role (Viewer or Operator).");
        return 0;
    }
}
