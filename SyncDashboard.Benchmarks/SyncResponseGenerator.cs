using System.Text;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Benchmarks;

/// <summary>Builds a full-sync response shaped like a big real account: tasks spread over projects and sections,
/// some subtasks, labels, due dates (a few recurring), priorities skewed to the default, and content of realistic
/// length. A fixed seed makes every run insert the same bytes, so numbers compare across machines and commits.</summary>
public static class SyncResponseGenerator
{
    private const string IdAlphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly string[] Words =
    [
        "review", "draft", "call", "email", "invoice", "quarterly", "report", "team", "meeting", "plan", "budget",
        "update", "deploy", "fix", "bug", "customer", "follow", "up", "with", "about", "the", "new", "release",
        "notes", "prepare", "slides", "for", "Monday", "book", "flight", "to", "Berlin", "renew", "passport",
        "groceries", "milk", "bread", "pay", "rent", "dentist", "appointment", "read", "chapter", "write",
        "blog", "post", "migrate", "database", "schema", "check", "backups", "refactor", "sync", "engine",
    ];

    private static readonly string[] Colors = ["berry_red", "red", "orange", "yellow", "olive_green", "lime_green",
        "green", "mint_green", "teal", "sky_blue", "light_blue", "blue", "grape", "violet", "lavender", "charcoal"];

    private static readonly string[] DueStrings = ["today", "tomorrow", "next monday", "every day", "every week",
        "every 2 weeks", "Jan 15", "in 3 days", "every month on the 1st"];

    private static readonly string[] Timezones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"];

    public static SyncResponse Create(int itemCount, int seed = 20240601)
    {
        var random = new Random(seed);
        var origin = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        const string userId = "2671355";

        // The other resources stay small (well under 1 % of the rows), so the items dominate the measurement.
        var projects = Enumerable.Range(0, 40).Select(i => new WireProject
        {
            Id = Id(random),
            Name = i == 0 ? "Inbox" : Sentence(random, 1, 3),
            Color = Colors[random.Next(Colors.Length)],
            ChildOrder = i,
            InboxProject = i == 0,
            IsFavorite = random.Next(5) == 0,
            ViewStyle = random.Next(3) == 0 ? "board" : "list",
            CreatedAt = origin.AddDays(-random.Next(2000)),
            UpdatedAt = origin.AddDays(-random.Next(300)),
        }).ToList();

        var sections = Enumerable.Range(0, 150).Select(i => new WireSection
        {
            Id = Id(random),
            UserId = userId,
            ProjectId = projects[random.Next(projects.Count)].Id,
            Name = Sentence(random, 1, 3),
            SectionOrder = i,
            AddedAt = origin.AddDays(-random.Next(2000)),
            UpdatedAt = origin.AddDays(-random.Next(300)),
        }).ToList();

        var labels = Enumerable.Range(0, 30).Select(i => new WireLabel
        {
            Id = Id(random),
            Name = Words[i % Words.Length] + (i >= Words.Length ? i.ToString() : ""),
            Color = Colors[random.Next(Colors.Length)],
            IsFavorite = random.Next(6) == 0,
            Order = i,
        }).ToList();

        var items = new List<WireItem>(itemCount);
        for (var i = 0; i < itemCount; i++)
        {
            var project = projects[random.Next(projects.Count)];
            var section = random.Next(2) == 0 ? sections[random.Next(sections.Count)] : null;
            var added = origin.AddMinutes(-random.Next(3_000_000));
            items.Add(new WireItem
            {
                Id = Id(random),
                UserId = userId,
                ProjectId = section?.ProjectId ?? project.Id,
                SectionId = section?.Id,
                // About one task in seven is a subtask of an earlier one.
                ParentId = i > 0 && random.Next(7) == 0 ? items[random.Next(i)].Id : null,
                AddedByUid = userId,
                Labels = Enumerable.Range(0, Weighted(random, [50, 30, 15, 5]))
                    .Select(_ => labels[random.Next(labels.Count)].Name).Distinct().ToList(),
                Deadline = random.Next(20) == 0
                    ? new WireDeadline { Date = origin.AddDays(random.Next(90)).ToString("yyyy-MM-dd"), Lang = "en" }
                    : null,
                Duration = random.Next(10) == 0 ? new WireDuration { Amount = 15 * (1 + random.Next(8)) } : null,
                AddedAt = added,
                UpdatedAt = added.AddMinutes(random.Next(100_000)),
                Due = random.Next(5) < 2 ? Due(random, origin) : null,
                // Todoist's default is 1; urgent tasks are the minority.
                Priority = 1 + Weighted(random, [60, 20, 12, 8]),
                ChildOrder = i,
                Content = Sentence(random, 3, 14),
                Description = random.Next(10) < 3 ? Sentence(random, 8, 40) : "",
                DayOrder = -1,
                NoteCount = 0,
            });
        }

        var notes = Enumerable.Range(0, Math.Min(500, itemCount)).Select(_ => new WireNote
        {
            Id = Id(random),
            ItemId = items[random.Next(items.Count)].Id,
            Content = Sentence(random, 5, 30),
            PostedAt = origin.AddMinutes(-random.Next(1_000_000)),
            PostedUid = userId,
        }).ToList();

        return new SyncResponse
        {
            SyncToken = "bench-" + seed,
            FullSync = true,
            FullSyncDateUtc = origin,
            Items = items,
            Projects = projects,
            Sections = sections,
            Labels = labels,
            Notes = notes,
        };
    }

    private static WireDue Due(Random random, DateTime origin)
    {
        var date = origin.AddDays(random.Next(-30, 120));
        var timed = random.Next(4) == 0;
        return new WireDue
        {
            Date = date.ToString("yyyy-MM-dd"),
            Datetime = timed ? date.AddHours(8 + random.Next(10)).ToString("yyyy-MM-ddTHH:mm:ss") : null,
            Timezone = timed ? Timezones[random.Next(Timezones.Length)] : null,
            String = DueStrings[random.Next(DueStrings.Length)],
            IsRecurring = random.Next(10) == 0,
            Lang = "en",
        };
    }

    // Todoist API v1 ids are 16 opaque characters.
    private static string Id(Random random) =>
        string.Create(16, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = IdAlphabet[r.Next(IdAlphabet.Length)];
        });

    private static string Sentence(Random random, int minWords, int maxWords)
    {
        var count = random.Next(minWords, maxWords + 1);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0) text.Append(' ');
            text.Append(Words[random.Next(Words.Length)]);
        }
        text[0] = char.ToUpperInvariant(text[0]);
        return text.ToString();
    }

    private static int Weighted(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0) return i;
        }
        return weights.Length - 1;
    }
}
