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
    private static readonly ConfiguredUser Ann = new() { Name = "ann", Role = "Operator", PasswordHash = ConfiguredUsers.Hash("ann's password!") };

    private static System.Security.Claims.ClaimsPrincipal SignedIn(ConfiguredUser user) =>
        AccessClaims.Principal(user.Name, user.ParsedRole, AccessClaims.LocalSource, AccessClaims.StampOf(user), "Cookies");

    [Fact]
    public void IsStillValid_WhileTheEntryIsUnchanged() =>
        Assert.True(RevalidatingAccessState.IsStillValid(SignedIn(Ann), new AccessOptions { Users = [Ann] }));

    [Fact]
    public void IsStillValid_IsFalse_WhenTheRoleChanged() =>
        Assert.False(RevalidatingAccessState.IsStillValid(SignedIn(Ann), new AccessOptions
        {
            Users = [new ConfiguredUser { Name = "ann", Role = "Viewer", PasswordHash = Ann.PasswordHash }],
        }));

    [Fact]
    public void IsStillValid_IsFalse_WhenTheUserWasRemoved() =>
        Assert.False(RevalidatingAccessState.IsStillValid(SignedIn(Ann), new AccessOptions()));

    [Fact]
    public void IsStillValid_LeavesOidcUsersToTheirProvider() =>
        Assert.True(RevalidatingAccessState.IsStillValid(
            AccessClaims.Principal("Ada", AccessRole.Viewer, AccessClaims.OidcSource, null, "Cookies"), new AccessOptions()));
}
