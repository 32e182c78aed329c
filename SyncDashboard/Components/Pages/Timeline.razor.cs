using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SyncDashboard.Components.Charts;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Configuration;
using SyncDashboard.Monitoring.Notes;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Components.Pages;

/// <summary>Runs, durations and markers over a selectable window (<c>?range=6h|24h|7d|30d</c>), kept live; operators
/// add and delete notes on it.</summary>
public sealed partial class Timeline
{
    [Inject] private TimelineQueries Queries { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private NoteCommands Notes { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private OperatorAction Operator { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    [SupplyParameterFromQuery(Name = "range")] public string? RangeKey { get; set; }

    private TimelineView? view;
    private ApexOptions runsChart = default!;
    private ApexOptions durationsChart = default!;

    private TimelineRange Range => TimelineRange.Parse(RangeKey);

    private IEnumerable<TimelineAnnotation> NewestMarkersFirst =>
        view?.Annotations.AsEnumerable().Reverse() ?? [];

    // No relative times here, and a render re-serializes both charts' options: re-render on new data only.
    protected override bool TicksClock => false;

    // The range toggle navigates, so the URL is the state: a new ?range= loads that window.
    protected override string QueryKey => Range.Key;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var loaded = await Queries.ViewAsync(ServiceName.Todoist, Range, ct);
        (view, runsChart, durationsChart) = (loaded, TimelineCharts.Runs(loaded), TimelineCharts.Durations(loaded));
    }

    private bool CanAct => IsInteractive && !Operator.IsRunning;

    /// <summary>The notes export for the window on screen.</summary>
    private string NotesExportHref => view is null
        ? "api/monitoring/notes.csv"
        : $"api/monitoring/notes.csv?from={Iso(view.From)}&to={Iso(view.To)}";

    private static string Iso(DateTime utc) =>
        Uri.EscapeDataString(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private async Task AddNoteAsync()
    {
        var dialog = await Dialogs.ShowAsync<NoteDialog>("Add a note",
            new DialogParameters<NoteDialog> { { d => d.Zone, Zone }, { d => d.NowUtc, Time.GetUtcNow().UtcDateTime } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is not { Canceled: false, Data: NoteDraft draft }) return;
        await Operator.RunAsync("Add note", AuthState, "The note could not be added; see the server log.", async actor =>
        {
            await Notes.AddAsync(draft.StartUtc, draft.EndUtc, draft.Text, actor, CancellationToken.None);
            RequestReload();
            var outside = view is not null && ((draft.EndUtc ?? draft.StartUtc) < view.From || draft.StartUtc >= view.To);
            return outside
                ? new ActionOutcome($"Note added; it lies outside the last {Range.Label}: pick a range that holds it.", Severity.Success)
                : new ActionOutcome("Note added to the timeline.", Severity.Success);
        });
    }

    private async Task DeleteNoteAsync(long id, string? text)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete this note?", text ?? "", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        await Operator.RunAsync("Delete note", AuthState, "The note could not be deleted; see the server log.", async actor =>
        {
            var deleted = await Notes.DeleteAsync(id, actor, CancellationToken.None);
            RequestReload();
            return deleted
                ? new ActionOutcome("Note deleted.", Severity.Success)
                : new ActionOutcome("That note was already deleted.", Severity.Info);
        });
    }

    private void SelectRange(string key) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("range", key == TimelineRange.Default.Key ? null : key));

    private static Color MarkerColor(TimelineMarkerKind kind) => kind switch
    {
        TimelineMarkerKind.ManualAction => Color.Info,
        TimelineMarkerKind.ChainOpened => Color.Error,
        TimelineMarkerKind.Alert => Color.Warning,
        TimelineMarkerKind.Verification => Color.Primary,
        TimelineMarkerKind.Acknowledgement => Color.Secondary,
        TimelineMarkerKind.Note => Color.Dark,
        TimelineMarkerKind.Maintenance => Color.Tertiary,
        _ => Color.Success,
    };
}
