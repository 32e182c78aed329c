using System.Net;
using SyncDashboard.Data;

namespace SyncDashboard.Operations;

/// <summary>The health word on a shields.io-style badge: what <c>GET /badge.svg</c> draws and <c>GET /badge.json</c>
/// hands to shields.io's endpoint badge. Nothing but the word leaves the app.</summary>
public sealed record StatusBadge(string Label, string Message, string Color, string Hex)
{
    public const string DefaultLabel = "sync";

    public static StatusBadge For(HealthStatus? status) => status switch
    {
        HealthStatus.Healthy => new(DefaultLabel, "healthy", "brightgreen", "#4c1"),
        HealthStatus.Degraded => new(DefaultLabel, "degraded", "yellow", "#dfb317"),
        HealthStatus.Unhealthy => new(DefaultLabel, "unhealthy", "red", "#e05d44"),
        _ => new(DefaultLabel, "unknown", "lightgrey", "#9f9f9f"),
    };

    /// <summary>shields.io's endpoint format (https://shields.io/badges/endpoint-badge).</summary>
    public object ToEndpointJson() => new { schemaVersion = 1, label = Label, message = Message, color = Color };

    /// <summary>A flat badge in shields.io's layout: grey label, coloured message, text widths estimated from the
    /// character count (Verdana 11 px averages about 7 px a character).</summary>
    public string ToSvg()
    {
        var labelWidth = TextWidth(Label);
        var messageWidth = TextWidth(Message);
        var width = labelWidth + messageWidth;
        var label = WebUtility.HtmlEncode(Label);
        var message = WebUtility.HtmlEncode(Message);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{label}: {message}">
              <title>{label}: {message}</title>
              <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
              <clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>
              <g clip-path="url(#r)">
                <rect width="{labelWidth}" height="20" fill="#555"/>
                <rect x="{labelWidth}" width="{messageWidth}" height="20" fill="{Hex}"/>
                <rect width="{width}" height="20" fill="url(#s)"/>
              </g>
              <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
                <text x="{labelWidth / 2.0:0.#}" y="14">{label}</text>
                <text x="{labelWidth + messageWidth / 2.0:0.#}" y="14">{message}</text>
              </g>
            </svg>
            """;
    }

    private static int TextWidth(string text) => 10 + (int)Math.Ceiling(text.Length * 7.0);
}
