using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SyncDashboard.Access;

namespace SyncDashboard.Tests.Access;

public sealed class ActorFacts
{
    [Fact]
    public async Task OfAsync_NamesTheSignedInUser_OfTheCascadingState()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ann")], "Cookies"));

        Assert.Equal("ann", await Actor.OfAsync(Task.FromResult(new AuthenticationState(user))));
    }

    [Fact]
    public async Task OfAsync_FallsBackToTheLocalUser_WithoutAStateOrASignedInUser()
    {
        Assert.Equal("local user", await Actor.OfAsync(null));
        Assert.Equal("local user", await Actor.OfAsync(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())))));
    }
}
