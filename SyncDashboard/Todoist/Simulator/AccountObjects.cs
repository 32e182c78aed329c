using System.Globalization;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>Builds new account objects the way Todoist would fill them in; shared by the seeded generator (objects
/// created in the past) and the random activity (objects created now).</summary>
internal static class AccountObjects
{
    public static WireProject Project(Random random, string name, string? parentId, int childOrder, DateTime at) => new()
    {
        Id = OpaqueIds.Next(random),
        Name = name,
        Color = random.Pick(SampleText.Colors),
        ParentId = parentId,
        ChildOrder = childOrder,
        IsFavorite = random.NextDouble() < 0.15,
        ViewStyle = random.NextDouble() < 0.25 ? "board" : "list",
        Description = "",
        CreatedAt = at,
        UpdatedAt = at,
    };

    public static WireSection Section(Random random, string userId, string projectId, string name, int order, DateTime at) => new()
    {
        Id = OpaqueIds.Next(random),
        UserId = userId,
        ProjectId = projectId,
        Name = name,
        SectionOrder = order,
        AddedAt = at,
        UpdatedAt = at,
    };

    public static WireLabel Label(Random random, string name, int order) => new()
    {
        Id = OpaqueIds.Next(random),
        Name = name,
        Color = random.Pick(SampleText.Colors),
        IsFavorite = random.NextDouble() < 0.2,
        Order = order,
    };

    public static WireItem Task(
        Random random, string userId, string projectId, string? sectionId, string? parentId,
        IReadOnlyList<string> labelNames, int childOrder, DateTime at) => new()
    {
        Id = OpaqueIds.Next(random),
        UserId = userId,
        ProjectId = projectId,
        SectionId = sectionId,
        ParentId = parentId,
        AddedByUid = userId,
        Content = random.Pick(SampleText.TaskContents),
        Description = random.NextDouble() < 0.3 ? random.Pick(SampleText.Descriptions) : "",
        Priority = Priority(random),
        Labels = Labels(random, labelNames),
        Due = random.NextDouble() < 0.45 ? Due(random, DateOnly.FromDateTime(at)) : null,
        Deadline = random.NextDouble() < 0.05
            ? new WireDeadline { Date = IsoDate(DateOnly.FromDateTime(at).AddDays(random.Next(7, 90))), Lang = "en" }
            : null,
        Duration = random.NextDouble() < 0.1 ? new WireDuration { Amount = random.Pick([15, 30, 45, 60, 90]) } : null,
        ChildOrder = childOrder,
        DayOrder = -1,
        AddedAt = at,
        UpdatedAt = at,
    };

    public static WireNote Note(Random random, string userId, string itemId, DateTime at) => new()
    {
        Id = OpaqueIds.Next(random),
        ItemId = itemId,
        PostedUid = userId,
        Content = random.Pick(SampleText.Comments),
        PostedAt = at,
    };

    /// <summary>Most tasks are p1 (Todoist's default, shown as "no priority"); few are urgent.</summary>
    public static int Priority(Random random) => random.NextDouble() switch
    {
        < 0.55 => 1,
        < 0.75 => 2,
        < 0.9 => 3,
        _ => 4,
    };

    public static IReadOnlyList<string> Labels(Random random, IReadOnlyList<string> names)
    {
        if (names.Count == 0 || random.NextDouble() < 0.55) return [];
        var count = random.NextDouble() < 0.75 ? 1 : 2;
        return Enumerable.Range(0, count).Select(_ => random.Pick(names)).Distinct().ToArray();
    }

    public static WireDue Due(Random random, DateOnly today)
    {
        var date = today.AddDays(random.Next(-10, 60));
        if (random.NextDouble() < 0.2)
        {
            var (text, _) = random.Pick(SampleText.Recurrences);
            return new WireDue { IsRecurring = true, String = text, Date = IsoDate(date), Lang = "en" };
        }
        var text2 = date.ToString("MMM d", CultureInfo.InvariantCulture);
        if (random.NextDouble() < 0.3)
        {
            // A floating time (no zone), as Todoist stores "tomorrow at 9am" for most users.
            var time = new TimeOnly(random.Next(7, 20), random.Pick([0, 15, 30, 45]));
            return new WireDue
            {
                String = $"{text2} {time.ToString("h:mm tt", CultureInfo.InvariantCulture).ToLowerInvariant()}",
                Date = IsoDate(date),
                Datetime = date.ToDateTime(time).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                Lang = "en",
            };
        }
        return new WireDue { String = text2, Date = IsoDate(date), Lang = "en" };
    }

    /// <summary>Completing a recurring task moves it to its next occurrence instead of checking it off.</summary>
    public static WireDue NextOccurrence(WireDue due)
    {
        if (due.Date is null) return due;
        var days = SampleText.Recurrences.FirstOrDefault(r => r.Text == due.String).Days;
        var date = DateOnly.ParseExact(due.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(Math.Max(days, 1));
        return due with { Date = IsoDate(date) };
    }

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
