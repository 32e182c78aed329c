namespace SyncDashboard.Data;

public enum AuditAction { SyncNow, ResolveError, RetryNow, Pause, Resume, FaultInjection, AcknowledgeAlert, AddNote, DeleteNote,
    AddMaintenance, EndMaintenance, DeleteMaintenance }
