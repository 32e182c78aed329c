using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Access;

/// <summary>Who may sign in. Configured users, OpenID Connect, or both; with neither, only Development runs (open,
/// everyone an operator), anything else refuses to start (<see cref="AccessOptionsValidator"/>).</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Local users. Passwords are stored only as ASP.NET Core Identity hashes (<c>hash-password</c>).</summary>
    public List<ConfiguredUser> Users { get; set; } = [];

    public OidcOptions Oidc { get; set; } = new();

    /// <summary>Keys for automation (<c>new-api-key</c>), sent as a bearer token to <c>/api</c>; stored as hashes.</summary>
    public List<ConfiguredApiKey> ApiKeys { get; set; } = [];

    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    [Range(1, 24 * 30)]
    public int SessionHours { get; set; } = 8;

    /// <summary>How long a sign-in lasts at most, however active: then the user signs in again (and an OpenID Connect
    /// user's provider is asked again). At least <see cref="SessionHours"/>.</summary>
    [Range(1, 24 * 30)]
    public int MaxSessionHours { get; set; } = 24;

    public TimeSpan MaxSession => TimeSpan.FromHours(MaxSessionHours);

    /// <summary>How often an open tab (a Blazor circuit) checks that its session still stands: signed out elsewhere,
    /// its user changed or removed, past <see cref="MaxSessionHours"/>. A tab whose session ended is closed then.
    /// Each check is one database look-up per open tab.</summary>
    [Range(1, 3600)]
    public int RevalidateSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts one client address may make per minute, whatever the names (ASP.NET Core's rate
    /// limiter); 0 turns the limit off. Behind a proxy the address is the client's only with forwarded headers on.</summary>
    [Range(0, 100_000)]
    public int SignInsPerAddressPerMinute { get; set; } = 10;

    /// <summary>Failed sign-ins for one name from one address within <see cref="LockoutMinutes"/> before that name is
    /// refused to that address (only) for <see cref="LockoutMinutes"/>.</summary>
    [Range(1, 1000)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins for one name from all addresses within <see cref="LockoutMinutes"/> after which every
    /// attempt at that name waits its turn, <see cref="NameBackoffSeconds"/> apart: guessing from many addresses is
    /// slowed, and the real user still gets in (after a wait), never locked out by others' guesses.</summary>
    [Range(1, 100_000)]
    public int NameBackoffAfter { get; set; } = 20;

    [Range(1, 3600)]
    public int NameBackoffSeconds { get; set; } = 2;

    /// <summary>The longest an attempt waits for its turn; one that would wait longer is answered as failed.</summary>
    [Range(0, 300)]
    public int MaxSignInWaitSeconds { get; set; } = 10;

    /// <summary>Where the data-protection keys that encrypt the sign-in cookie are kept, relative to the content
    /// root unless absolute. Empty: <c>keys</c> under <c>Database:DataFolder</c>. Several nodes must share it.</summary>
    public string? KeysFolder { get; set; }

    /// <summary>Outside Development the cookies are Secure (and sign-in refuses plain http). Behind a TLS-terminating
    /// proxy set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true instead of turning this off; off only for a trusted network.</summary>
    public bool RequireHttps { get; set; } = true;

    public bool HasUsers => Users.Count > 0;

    public bool SecureCookies(IHostEnvironment environment) => RequireHttps && !environment.IsDevelopment();

    /// <summary>Sign-in is required as soon as anyone is configured, in every environment.</summary>
    public bool RequiresSignIn => HasUsers || Oidc.IsConfigured || ApiKeys.Count > 0;
}
