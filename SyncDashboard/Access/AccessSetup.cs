namespace SyncDashboard.Access;

/// <summary>Authorization for pages, the API and <c>/hangfire</c>.</summary>
public static class AccessSetup
{
    public static IHostApplicationBuilder AddAccess(this IHostApplicationBuilder builder)
    {
        // No sign-in exists yet: everyone may view and operate. The policies are already in place so every button and
        // POST route names what it needs, and sign-in only has to change what the policies require.
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.View, p => p.RequireAssertion(_ => true))
            .AddPolicy(AccessPolicies.Operate, p => p.RequireAssertion(_ => true));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseAuthorization();
        return app;
    }
}
