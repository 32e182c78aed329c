namespace SyncDashboard.Data;

public enum MetricPeriod { Hourly, Daily, Weekly }
