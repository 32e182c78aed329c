namespace SyncDashboard.Monitoring.Queries;

public enum TimelineMarkerKind { ManualAction, ChainOpened, ChainClosed, Alert, Verification, Acknowledgement, Note, Maintenance }
