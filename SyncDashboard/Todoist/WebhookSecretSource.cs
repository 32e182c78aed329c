namespace SyncDashboard.Todoist;

/// <summary>Where <see cref="WebhookSecret"/>'s key comes from.</summary>
public enum WebhookSecretSource { ClientSecret, DemoProcess, None }
