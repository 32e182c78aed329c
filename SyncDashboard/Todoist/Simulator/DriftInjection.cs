using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>Loses or corrupts active objects of one incremental answer, the first ones in the answer's order
/// (projects, sections, labels, tasks, comments), up to the counts left. Deleted and completed objects are left
/// alone: whether losing them leaves a trace depends on what the mirror held, which the simulator cannot know.
/// Comments are corrupted, never lost.</summary>
internal sealed class DriftInjection(int lose, int corrupt, SimulatedAccount account)
{
    public const string Mark = " [corrupted]";

    public int LoseLeft { get; private set; } = lose;
    public int CorruptLeft { get; private set; } = corrupt;
    public List<SimulatedDrift> Injected { get; } = [];

    public SyncResponse Apply(SyncResponse answer) => answer with
    {
        Projects = Tamper(answer.Projects, "projects", p => p.Id, SimulatedAccount.IsActive, p => p with { Name = p.Name + Mark }),
        Sections = Tamper(answer.Sections, "sections", s => s.Id, SimulatedAccount.IsActive, s => s with { Name = s.Name + Mark }),
        Labels = Tamper(answer.Labels, "labels", l => l.Id, SimulatedAccount.IsActive, l => l with { Name = l.Name + Mark }),
        Items = Tamper(answer.Items, "items", i => i.Id, SimulatedAccount.IsActive, i => i with { Content = i.Content + Mark }),
        // A lost comment is never lost for long: its task arrives with a higher note_count, and the sync fills the
        // comment in with a full sync (docs/sync.md). Comments are corrupted only.
        Notes = Tamper(answer.Notes, "notes", n => n.Id, account.IsActive, n => n with { Content = n.Content + Mark }, mayLose: false),
    };

    private IReadOnlyList<T>? Tamper<T>(
        IReadOnlyList<T>? objects, string type, Func<T, string> id, Func<T, bool> isActive, Func<T, T> corrupted,
        bool mayLose = true)
    {
        if (objects is null || (LoseLeft == 0 && CorruptLeft == 0)) return objects;
        var kept = new List<T>(objects.Count);
        foreach (var o in objects)
        {
            if (!isActive(o))
            {
                kept.Add(o);
            }
            else if (LoseLeft > 0 && mayLose)
            {
                LoseLeft--;
                Injected.Add(new SimulatedDrift(type, id(o), Corrupted: false));
            }
            else if (CorruptLeft > 0)
            {
                CorruptLeft--;
                Injected.Add(new SimulatedDrift(type, id(o), Corrupted: true));
                kept.Add(corrupted(o));
            }
            else
            {
                kept.Add(o);
            }
        }
        return kept;
    }
}
