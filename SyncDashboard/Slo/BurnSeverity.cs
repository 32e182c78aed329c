namespace SyncDashboard.Slo;

/// <summary>How urgently a burn-rate rule asks for a person: a page now, or a ticket for working hours.</summary>
public enum BurnSeverity
{
    Ticket,
    Page,
}
