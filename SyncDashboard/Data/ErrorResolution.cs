namespace SyncDashboard.Data;

public enum ErrorResolution { RetrySucceeded, Recovered, Manual }
