using SyncDashboard.Data;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync.Mirror;

/// <summary>Wire objects to mirror rows. Pure; the columns kept are the ones the dashboard and the tests use.</summary>
public static class MirrorMapping
{
    public static TodoistItem ToRow(WireItem w, DateTime syncedAtUtc) => new()
    {
        Id = w.Id,
        UserId = w.UserId,
        ProjectId = w.ProjectId,
        SectionId = w.SectionId,
        ParentId = w.ParentId,
        Content = w.Content,
        Description = w.Description,
        Priority = w.Priority,
        Checked = w.Checked,
        ChildOrder = w.ChildOrder,
        DayOrder = w.DayOrder,
        IsCollapsed = w.IsCollapsed,
        NoteCount = w.NoteCount,
        Labels = w.Labels is { Count: > 0 } labels ? string.Join(',', labels) : "",
        DueDate = w.Due?.Datetime ?? w.Due?.Date,
        DueString = w.Due?.String,
        DueIsRecurring = w.Due?.IsRecurring ?? false,
        DueTimezone = w.Due?.Timezone,
        DeadlineDate = w.Deadline?.Date,
        DurationAmount = w.Duration?.Amount,
        DurationUnit = w.Duration?.Unit,
        ResponsibleUid = w.ResponsibleUid,
        AddedByUid = w.AddedByUid,
        AssignedByUid = w.AssignedByUid,
        AddedAtUtc = w.AddedAt,
        UpdatedAtUtc = w.UpdatedAt,
        CompletedAtUtc = w.CompletedAt,
        SyncedAtUtc = syncedAtUtc,
    };

    public static TodoistProject ToRow(WireProject w, DateTime syncedAtUtc) => new()
    {
        Id = w.Id,
        Name = w.Name,
        Color = w.Color,
        ParentId = w.ParentId,
        ChildOrder = w.ChildOrder,
        IsArchived = w.IsArchived,
        IsFavorite = w.IsFavorite,
        IsShared = w.IsShared,
        IsCollapsed = w.IsCollapsed,
        InboxProject = w.InboxProject,
        ViewStyle = w.ViewStyle,
        Description = w.Description,
        CreatedAtUtc = w.CreatedAt,
        UpdatedAtUtc = w.UpdatedAt,
        SyncedAtUtc = syncedAtUtc,
    };

    public static TodoistSection ToRow(WireSection w, DateTime syncedAtUtc) => new()
    {
        Id = w.Id,
        UserId = w.UserId,
        ProjectId = w.ProjectId,
        Name = w.Name,
        Description = w.Description,
        SectionOrder = w.SectionOrder,
        IsArchived = w.IsArchived,
        IsCollapsed = w.IsCollapsed,
        AddedAtUtc = w.AddedAt,
        UpdatedAtUtc = w.UpdatedAt,
        ArchivedAtUtc = w.ArchivedAt,
        SyncedAtUtc = syncedAtUtc,
    };

    public static TodoistLabel ToRow(WireLabel w, DateTime syncedAtUtc) => new()
    {
        Id = w.Id,
        Name = w.Name,
        Color = w.Color,
        IsFavorite = w.IsFavorite,
        ItemOrder = w.Order,
        SyncedAtUtc = syncedAtUtc,
    };

    public static TodoistNote ToRow(WireNote w, DateTime syncedAtUtc) => new()
    {
        Id = w.Id,
        ItemId = w.ItemId,
        Content = w.Content,
        PostedAtUtc = w.PostedAt,
        PostedUid = w.PostedUid,
        FileName = w.FileAttachment?.FileName,
        FileUrl = w.FileAttachment?.FileUrl,
        SyncedAtUtc = syncedAtUtc,
    };
}
