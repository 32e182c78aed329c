using MudBlazor;

namespace SyncDashboard.Components.Layout;

/// <summary>MudBlazor's default theme with the system font stack: its default (Roboto) would need Google Fonts, and
/// the dashboard must render the same with no outside network.</summary>
public static class DashboardTheme
{
    public static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Ubuntu", "Cantarell", "Noto Sans", "DejaVu Sans",
         "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Instance { get; } = Create();

    private static MudTheme Create()
    {
        var theme = new MudTheme();
        var t = theme.Typography;
        BaseTypography[] all = [t.Default, t.H1, t.H2, t.H3, t.H4, t.H5, t.H6, t.Subtitle1, t.Subtitle2, t.Body1,
            t.Body2, t.Button, t.Caption, t.Overline];
        foreach (var typography in all) typography.FontFamily = SystemFonts;
        return theme;
    }
}
