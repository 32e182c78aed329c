using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>Random, realistic edits to the account, with Todoist's cascades: deleting a task deletes its subtasks and
/// comments, deleting a section or project deletes what is inside it, renaming or deleting a label rewrites the tasks
/// that carry it. Each touched object is saved, so it gets a new change sequence and shows up in incremental syncs.
/// Not thread-safe: <see cref="TodoistSimulator"/> owns the lock.</summary>
internal sealed class AccountChanges(SimulatedAccount account, Random random)
{
    private const int MinActiveLabels = 3;
    private const int MinActiveProjects = 3;

    public void Apply(int count)
    {
        var table = Table();
        var total = table.Sum(c => c.Weight);
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(total);
            var change = table.First(c => (roll -= c.Weight) < 0);
            // A change with nothing to act on (no comments to edit yet, say) becomes a new task instead.
            if (!change.Apply()) AddTask();
        }
    }

    private (int Weight, Func<bool> Apply)[] Table() =>
    [
        (20, AddTask), (20, EditTask), (12, CompleteTask), (4, UncompleteTask), (6, DeleteTask),
        (10, AddNote), (4, EditNote), (3, DeleteNote),
        (2, AddProject), (2, RenameProject), (3, AddSection), (1, RenameSection),
        (2, AddLabel), (2, RenameLabel), (1, DeleteLabel),
        (1, DeleteSection), (1, DeleteProject),
    ];

    private bool AddTask()
    {
        var projects = ActiveProjects();
        var project = projects.FirstOrDefault(p => p.InboxProject) is { } inbox && random.NextDouble() < 0.2
            ? inbox
            : random.Pick(projects);
        var sections = account.Sections.Values.Where(s => SimulatedAccount.IsActive(s) && s.ProjectId == project.Id).ToList();
        var section = sections.Count > 0 && random.NextDouble() < 0.4 ? random.Pick(sections) : null;
        var siblings = ActiveItems().Where(t => t.ProjectId == project.Id && t.SectionId == section?.Id).ToList();
        var parents = siblings.Where(t => t.ParentId is null).ToList();
        var parent = parents.Count > 0 && random.NextDouble() < 0.15 ? random.Pick(parents) : null;
        var order = siblings.Where(t => t.ParentId == parent?.Id).Select(t => t.ChildOrder).DefaultIfEmpty(0).Max() + 1;
        var labels = account.Labels.Values.Where(SimulatedAccount.IsActive).Select(l => l.Name).ToList();
        account.Save(AccountObjects.Task(random, account.UserId, project.Id, section?.Id, parent?.Id, labels, order, account.Now()));
        return true;
    }

    private bool EditTask()
    {
        if (PickActiveItem() is not { } item) return false;
        var labels = account.Labels.Values.Where(SimulatedAccount.IsActive).Select(l => l.Name).ToList();
        var edited = random.Next(5) switch
        {
            0 => item with { Content = random.Pick(SampleText.TaskContents) },
            1 => item with { Priority = AccountObjects.Priority(random) },
            2 => item with { Due = random.NextDouble() < 0.2 ? null : AccountObjects.Due(random, DateOnly.FromDateTime(account.Now())) },
            3 => item with { Description = random.NextDouble() < 0.3 ? "" : random.Pick(SampleText.Descriptions) },
            _ => item with { Labels = AccountObjects.Labels(random, labels) },
        };
        account.Save(edited with { UpdatedAt = account.Now() });
        return true;
    }

    private bool CompleteTask()
    {
        if (PickActiveItem() is not { } item) return false;
        var now = account.Now();
        if (item.Due is { IsRecurring: true } due)
        {
            account.Save(item with { Due = AccountObjects.NextOccurrence(due), UpdatedAt = now });
            return true;
        }
        // Todoist completes the open subtasks together with their parent.
        foreach (var task in WithDescendants(item).Where(SimulatedAccount.IsActive))
        {
            account.Save(task with { Checked = true, CompletedAt = now, CompletedByUid = account.UserId, UpdatedAt = now });
        }
        return true;
    }

    private bool UncompleteTask()
    {
        var done = account.Items.Values
            .Where(t => t is { Checked: true, IsDeleted: false } &&
                        (t.ParentId is null || account.Items.TryGet(t.ParentId, out var p) && SimulatedAccount.IsActive(p)))
            .ToList();
        if (done.Count == 0) return false;
        account.Save(random.Pick(done) with { Checked = false, CompletedAt = null, CompletedByUid = null, UpdatedAt = account.Now() });
        return true;
    }

    private bool DeleteTask()
    {
        if (PickActiveItem() is not { } item) return false;
        DeleteTasks(WithDescendants(item));
        return true;
    }

    private bool AddNote()
    {
        if (PickActiveItem() is not { } item) return false;
        var now = account.Now();
        account.Save(AccountObjects.Note(random, account.UserId, item.Id, now));
        account.Save(item with { NoteCount = item.NoteCount + 1, UpdatedAt = now });
        return true;
    }

    private bool EditNote()
    {
        var notes = account.Notes.Values.Where(account.IsActive).ToList();
        if (notes.Count == 0) return false;
        account.Save(random.Pick(notes) with { Content = random.Pick(SampleText.Comments) });
        return true;
    }

    private bool DeleteNote()
    {
        var notes = account.Notes.Values.Where(account.IsActive).ToList();
        if (notes.Count == 0) return false;
        var note = random.Pick(notes);
        account.Save(note with { IsDeleted = true });
        var item = account.Items.Get(note.ItemId!);
        account.Save(item with { NoteCount = Math.Max(0, item.NoteCount - 1), UpdatedAt = account.Now() });
        return true;
    }

    private bool AddProject()
    {
        var projects = ActiveProjects();
        var topLevel = projects.Where(p => p is { InboxProject: false, ParentId: null }).ToList();
        var parent = topLevel.Count > 0 && random.NextDouble() < 0.3 ? random.Pick(topLevel) : null;
        var order = projects.Where(p => p.ParentId == parent?.Id).Select(p => p.ChildOrder).DefaultIfEmpty(0).Max() + 1;
        account.Save(AccountObjects.Project(random, UnusedProjectName(projects), parent?.Id, order, account.Now()));
        return true;
    }

    private bool RenameProject()
    {
        var projects = ActiveProjects();
        var candidates = projects.Where(p => !p.InboxProject).ToList();
        if (candidates.Count == 0) return false;
        account.Save(random.Pick(candidates) with { Name = UnusedProjectName(projects), UpdatedAt = account.Now() });
        return true;
    }

    private bool AddSection()
    {
        var projects = ActiveProjects().Where(p => !p.InboxProject).ToList();
        if (projects.Count == 0) return false;
        var project = random.Pick(projects);
        var order = account.Sections.Values.Where(s => SimulatedAccount.IsActive(s) && s.ProjectId == project.Id)
            .Select(s => s.SectionOrder).DefaultIfEmpty(0).Max() + 1;
        account.Save(AccountObjects.Section(random, account.UserId, project.Id, random.Pick(SampleText.SectionNames), order, account.Now()));
        return true;
    }

    private bool RenameSection()
    {
        var sections = account.Sections.Values.Where(SimulatedAccount.IsActive).ToList();
        if (sections.Count == 0) return false;
        var section = random.Pick(sections);
        var name = random.Pick(SampleText.SectionNames);
        if (name == section.Name) return false;
        account.Save(section with { Name = name, UpdatedAt = account.Now() });
        return true;
    }

    private bool AddLabel()
    {
        var active = account.Labels.Values.Where(SimulatedAccount.IsActive).ToList();
        var unused = SampleText.LabelNames.Except(active.Select(l => l.Name)).ToList();
        if (unused.Count == 0) return false;
        var order = active.Select(l => l.Order ?? 0).DefaultIfEmpty(0).Max() + 1;
        account.Save(AccountObjects.Label(random, random.Pick(unused), order));
        return true;
    }

    private bool RenameLabel()
    {
        var active = account.Labels.Values.Where(SimulatedAccount.IsActive).ToList();
        var unused = SampleText.LabelNames.Except(active.Select(l => l.Name)).ToList();
        if (active.Count == 0 || unused.Count == 0) return false;
        var label = random.Pick(active);
        var name = random.Pick(unused);
        account.Save(label with { Name = name });
        // Tasks carry label names, not ids, so Todoist rewrites every task that had the old name.
        RewriteLabels(label.Name, labels => labels.Select(l => l == label.Name ? name : l).ToArray());
        return true;
    }

    private bool DeleteLabel()
    {
        var active = account.Labels.Values.Where(SimulatedAccount.IsActive).ToList();
        if (active.Count <= MinActiveLabels) return false;
        var label = random.Pick(active);
        account.Save(label with { IsDeleted = true });
        RewriteLabels(label.Name, labels => labels.Where(l => l != label.Name).ToArray());
        return true;
    }

    private bool DeleteSection()
    {
        var sections = account.Sections.Values.Where(SimulatedAccount.IsActive).ToList();
        if (sections.Count == 0) return false;
        DeleteSections([random.Pick(sections)]);
        return true;
    }

    private bool DeleteProject()
    {
        var projects = ActiveProjects().Where(p => !p.InboxProject).ToList();
        if (projects.Count <= MinActiveProjects) return false;
        var project = random.Pick(projects);
        // Todoist deletes sub-projects with their parent, and everything inside each of them.
        var doomed = new List<WireProject> { project };
        for (var i = 0; i < doomed.Count; i++)
        {
            doomed.AddRange(account.Projects.Values.Where(p => !p.IsDeleted && p.ParentId == doomed[i].Id));
        }
        var ids = doomed.Select(p => p.Id).ToHashSet();
        DeleteSections(account.Sections.Values.Where(s => !s.IsDeleted && ids.Contains(s.ProjectId!)).ToList());
        DeleteTasks(account.Items.Values.Where(t => !t.IsDeleted && ids.Contains(t.ProjectId!)).ToList());
        var now = account.Now();
        foreach (var p in doomed)
        {
            account.Save(p with { IsDeleted = true, UpdatedAt = now });
        }
        return true;
    }

    private void DeleteSections(IReadOnlyList<WireSection> sections)
    {
        var now = account.Now();
        foreach (var section in sections)
        {
            DeleteTasks(account.Items.Values.Where(t => !t.IsDeleted && t.SectionId == section.Id).SelectMany(WithDescendants).ToList());
            account.Save(section with { IsDeleted = true, UpdatedAt = now });
        }
    }

    private void DeleteTasks(IReadOnlyList<WireItem> tasks)
    {
        var now = account.Now();
        var ids = tasks.Select(t => t.Id).ToHashSet();
        foreach (var note in account.Notes.Values.Where(n => !n.IsDeleted && ids.Contains(n.ItemId!)).ToList())
        {
            account.Save(note with { IsDeleted = true });
        }
        foreach (var id in ids)
        {
            // Re-read: the list may hold a task twice (parent and subtask both picked) or an older version.
            var task = account.Items.Get(id);
            if (!task.IsDeleted) account.Save(task with { IsDeleted = true, UpdatedAt = now });
        }
    }

    private void RewriteLabels(string name, Func<IReadOnlyList<string>, IReadOnlyList<string>> rewrite)
    {
        var now = account.Now();
        foreach (var task in account.Items.Values.Where(t => !t.IsDeleted && t.Labels?.Contains(name) == true).ToList())
        {
            account.Save(task with { Labels = rewrite(task.Labels!), UpdatedAt = now });
        }
    }

    private List<WireItem> WithDescendants(WireItem root)
    {
        var all = new List<WireItem> { root };
        for (var i = 0; i < all.Count; i++)
        {
            all.AddRange(account.Items.Values.Where(t => !t.IsDeleted && t.ParentId == all[i].Id));
        }
        return all;
    }

    private List<WireProject> ActiveProjects() => account.Projects.Values.Where(SimulatedAccount.IsActive).ToList();

    private List<WireItem> ActiveItems() => account.Items.Values.Where(SimulatedAccount.IsActive).ToList();

    private WireItem? PickActiveItem()
    {
        var items = ActiveItems();
        return items.Count == 0 ? null : random.Pick(items);
    }

    private string UnusedProjectName(IReadOnlyList<WireProject> projects)
    {
        var used = projects.Select(p => p.Name).ToHashSet();
        var unused = SampleText.ProjectNames.Where(n => !used.Contains(n)).ToList();
        return unused.Count > 0 ? random.Pick(unused) : $"{random.Pick(SampleText.ProjectNames)} {random.Next(2, 100)}";
    }
}
