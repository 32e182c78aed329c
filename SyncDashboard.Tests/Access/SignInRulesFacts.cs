using SyncDashboard.Access;

namespace SyncDashboard.Tests.Access;

public sealed class SignInRulesFacts
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/hangfire/jobs", "/hangfire/jobs")]
    [InlineData("/?a=1", "/?a=1")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/\r\nSet-Cookie: x", "/")]
    public void LocalOrHome_KeepsOnlyPathsOnThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignInEndpoints.LocalOrHome(returnUrl));

    [Fact]
    public void HashPassword_PrintsAHashThatVerifies_WhenPiped()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = HashPasswordCommand.Run(new StringReader("a long enough password\n"), output, errors, interactive: false);

        Assert.Equal(0, exit);
        var hash = output.ToString().Trim();
        Assert.DoesNotContain("a long enough password", hash);
        var users = new ConfiguredUsers(Microsoft.Extensions.Options.Options.Create(new AccessOptions
        {
            Users = [new ConfiguredUser { Name = "ann", PasswordHash = hash, Role = "Viewer" }],
        }));
        Assert.NotNull(users.Verify("ANN", "a long enough password"));
        Assert.Null(users.Verify("ann", "a long enough passworD"));
        Assert.Null(users.Verify("bob", "a long enough password"));
    }

    [Fact]
    public void HashPassword_RefusesAShortPassword()
    {
        var output = new StringWriter();

        var exit = HashPasswordCommand.Run(new StringReader("short\n"), output, new StringWriter(), interactive: false);

        Assert.Equal(1, exit);
        Assert.Equal("", output.ToString());
    }
}

public sealed class RevalidationFacts
{
    private static readonly DateTimeOffset SignedInAt = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Soon = SignedInAt.AddHours(1);
    private static readonly ConfiguredUser Ann = new() { Name = "ann", Role = "Operator", PasswordHash = ConfiguredUsers.Hash("ann's password!") };

    private static System.Security.Claims.ClaimsPrincipal SignedIn(ConfiguredUser user) =>
        AccessClaims.Principal(user.Name, user.ParsedRole, AccessClaims.LocalSource, AccessClaims.StampOf(user), "session-1", SignedInAt, "Cookies");

    private static System.Security.Claims.ClaimsPrincipal Oidc(string name) =>
        AccessClaims.Principal(name, AccessRole.Viewer, AccessClaims.OidcSource, null, "session-2", SignedInAt, "Cookies");

    [Fact]
    public void IsStillValid_WhileTheEntryIsUnchanged() =>
        Assert.True(RevalidatingAccessState.IsStillValid(SignedIn(Ann), new AccessOptions { Users = [Ann] }, Soon));

    [Fact]
    public void IsStillValid_IsFalse_WhenTheRoleChanged() =>
        Assert.False(RevalidatingAccessState.IsStillValid(SignedIn(Ann), new AccessOptions
        {
            Users = [new ConfiguredUser { Name = "ann", Role = "Viewer", PasswordHash = Ann.PasswordHash }],
        }, Soon));

    [Fact]
    public void IsStillValid_IsFalse_WhenTheUserWasRemoved() =>
        Assert.False(RevalidatingAccessState.IsStillValid(SignedIn(Ann), new AccessOptions(), Soon));

    [Fact]
    public void IsStillValid_LeavesOidcUsersToTheirProvider_WithinMaxSessionHours() =>
        Assert.True(RevalidatingAccessState.IsStillValid(Oidc("Ada"), new AccessOptions(), Soon));

    [Theory]
    [InlineData(24, 23.9, true)]
    [InlineData(24, 24, false)]
    [InlineData(4, 5, false)]
    public void IsStillValid_EndsEverySession_AtMaxSessionHours(int maxSessionHours, double hoursLater, bool valid)
    {
        var options = new AccessOptions { Users = [Ann], MaxSessionHours = maxSessionHours };
        var now = SignedInAt.AddHours(hoursLater);

        Assert.Equal(valid, RevalidatingAccessState.IsStillValid(SignedIn(Ann), options, now));
        Assert.Equal(valid, RevalidatingAccessState.IsStillValid(Oidc("Ada"), options, now));
    }

    /// <summary>A cookie from before the absolute limit existed carries no sign-in time: it ends once.</summary>
    [Fact]
    public void IsStillValid_IsFalse_WithoutASignInTime()
    {
        var identity = new System.Security.Claims.ClaimsIdentity("Cookies");
        identity.AddClaim(new(System.Security.Claims.ClaimTypes.Name, "Ada"));
        identity.AddClaim(new(AccessClaims.Source, AccessClaims.OidcSource));

        Assert.False(RevalidatingAccessState.IsStillValid(new(identity), new AccessOptions(), Soon));
    }
}
