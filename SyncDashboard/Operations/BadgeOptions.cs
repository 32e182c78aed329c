namespace SyncDashboard.Operations;

public sealed class BadgeOptions
{
    public const string Section = "Badge";

    /// <summary>Serve <c>/badge.svg</c> and <c>/badge.json</c> to anyone. They reveal the health word only.</summary>
    public bool Enabled { get; set; }
}
