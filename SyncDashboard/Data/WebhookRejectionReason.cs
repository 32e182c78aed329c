namespace SyncDashboard.Data;

public enum WebhookRejectionReason { MissingSignature, BadSignature, TooLarge, Malformed }
