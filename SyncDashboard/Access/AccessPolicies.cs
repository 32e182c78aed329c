namespace SyncDashboard.Access;

/// <summary>The two things a person may be allowed to do. Pages wrap their buttons in
/// <c>&lt;AuthorizeView Policy="@AccessPolicies.Operate"&gt;</c>, their handlers check <see cref="Operate"/> again
/// (<see cref="OperateCheck"/>), and the API's <c>POST</c> routes require it; how a user earns each policy is
/// <see cref="AccessSetup"/>'s business alone.</summary>
public static class AccessPolicies
{
    /// <summary>See everything: pages, the JSON API's reads, <c>/hangfire</c> read-only.</summary>
    public const string View = "view";

    /// <summary>Act: sync now, pause and resume, resolve and retry errors, inject simulator faults.</summary>
    public const string Operate = "operate";
}
