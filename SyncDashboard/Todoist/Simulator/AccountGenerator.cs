using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>Creates the starting account from a seed: the same seed (and clock) always yields the same account, so
/// demo runs and tests are repeatable.</summary>
internal static class AccountGenerator
{
    public static SimulatedAccount Generate(SimulatorOptions options, Random random, TimeProvider time)
    {
        var account = new SimulatedAccount(OpaqueIds.Next(random), time);
        var now = account.Now();
        DateTime Past(int maxDays) => now.AddMinutes(-random.Next(60, maxDays * 24 * 60));

        var inbox = AccountObjects.Project(random, "Inbox", null, 0, Past(720)) with
        {
            InboxProject = true, Color = "grey", IsFavorite = false, ViewStyle = "list",
        };
        account.Save(inbox);

        var projects = new List<WireProject> { inbox };
        var topLevel = new List<WireProject>();
        for (var i = 0; i < options.Projects; i++)
        {
            // About a quarter of the projects nest under an earlier top-level one, as people group "Work/Q3 launch".
            var parent = topLevel.Count > 0 && random.NextDouble() < 0.25 ? random.Pick(topLevel) : null;
            var name = SampleText.ProjectNames[i % SampleText.ProjectNames.Length] +
                       (i >= SampleText.ProjectNames.Length ? $" {i / SampleText.ProjectNames.Length + 1}" : "");
            var order = projects.Count(p => p.ParentId == parent?.Id && !p.InboxProject) + 1;
            var project = AccountObjects.Project(random, name, parent?.Id, order, Past(365));
            account.Save(project);
            projects.Add(project);
            if (parent is null) topLevel.Add(project);
        }

        var sectionsByProject = new Dictionary<string, List<WireSection>>();
        foreach (var project in projects.Where(p => !p.InboxProject))
        {
            var names = SampleText.SectionNames.OrderBy(_ => random.Next()).Take(random.Next(0, 5)).ToList();
            var sections = names.Select((n, i) =>
                AccountObjects.Section(random, account.UserId, project.Id, n, i + 1, Past(300))).ToList();
            sections.ForEach(account.Save);
            sectionsByProject[project.Id] = sections;
        }

        var labelNames = SampleText.LabelNames.Take(10).ToArray();
        for (var i = 0; i < labelNames.Length; i++)
        {
            account.Save(AccountObjects.Label(random, labelNames[i], i + 1));
        }

        var tasks = new List<WireItem>();
        var childOrders = new Dictionary<(string Project, string? Parent), int>();
        for (var i = 0; i < options.Tasks; i++)
        {
            var project = random.NextDouble() < 0.15 ? inbox : random.Pick(projects);
            var sections = sectionsByProject.GetValueOrDefault(project.Id) ?? [];
            var section = sections.Count > 0 && random.NextDouble() < 0.5 ? random.Pick(sections) : null;
            // Subtasks hang under an earlier top-level task of the same project and section.
            var siblings = tasks.Where(t => t.ProjectId == project.Id && t.SectionId == section?.Id && t.ParentId is null).ToList();
            var parent = siblings.Count > 0 && random.NextDouble() < 0.15 ? random.Pick(siblings) : null;
            var key = (project.Id, parent?.Id);
            var order = childOrders[key] = childOrders.GetValueOrDefault(key) + 1;
            var task = AccountObjects.Task(random, account.UserId, project.Id, section?.Id, parent?.Id, labelNames, order, Past(200));
            tasks.Add(task);
        }

        foreach (var task in tasks)
        {
            var noteCount = random.NextDouble() < 0.15 ? random.Next(1, 4) : 0;
            var added = task.AddedAt!.Value;
            var minutesSinceAdded = (int)Math.Max(2, (now - added).TotalMinutes);
            account.Save(task with { NoteCount = noteCount, UpdatedAt = added.AddMinutes(random.Next(0, minutesSinceAdded)) });
            for (var n = 0; n < noteCount; n++)
            {
                account.Save(AccountObjects.Note(random, account.UserId, task.Id, added.AddMinutes(random.Next(1, minutesSinceAdded))));
            }
        }
        return account;
    }
}
