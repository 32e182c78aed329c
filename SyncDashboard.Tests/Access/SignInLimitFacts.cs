using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Access;

/// <summary>Sign-in limits per client address, against the real app: the address comes from X-Forwarded-For, as
/// behind a reverse proxy with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.</summary>
public sealed class SignInLimitFacts
{
    private const string Attacker = "198.51.100.7";
    private const string RealUser = "203.0.113.20";
    private const int PerMinute = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The probe: 300 wrong passwords for a real name from one address. Whatever limit answers, every
    /// answer is the same failed sign-in; the real user, from elsewhere, gets in at once.</summary>
    [Fact]
    public async Task ThreeHundredBadSignInsFromOneAddress_AreThrottled_WithoutLockingOutTheRealUser()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new LimitedApp(logs);
        using var attacker = From(app, Attacker);

        var answers = new HashSet<string?>();
        for (var i = 0; i < 300; i++) answers.Add((await PostLoginAsync(attacker, OperatorName, $"guess-{i}")).Headers.Location?.OriginalString);
        var rightPasswordFromAttacker = await PostLoginAsync(attacker, OperatorName, OperatorPassword);
        using var realUser = From(app, RealUser);
        var rightPasswordFromRealUser = await PostLoginAsync(realUser, OperatorName, OperatorPassword);

        Assert.Equal(["/login?failed=true&ReturnUrl=%2F"], answers);
        Assert.Equal("/login?failed=true&ReturnUrl=%2F", rightPasswordFromAttacker.Headers.Location?.OriginalString);
        Assert.Equal("/", rightPasswordFromRealUser.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await realUser.GetAsync("/api/monitoring/state", Ct)).StatusCode);
        // Only the first few guesses had their password checked: the name's lock for that address stopped the rest.
        Assert.Equal(5, logs.Lines.Count(l => l.Contains($"Sign-in failed for {OperatorName} from {Attacker}")));
    }

    /// <summary>Many names from one address (credential stuffing): past the per-address rate no password is checked,
    /// whichever name. One window of a minute, or two if the run straddled a window's end.</summary>
    [Fact]
    public async Task ManyNamesFromOneAddress_AreCheckedAtMostSignInsPerAddressPerMinute()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new LimitedApp(logs);
        using var attacker = From(app, Attacker);

        for (var i = 0; i < 100; i++) await PostLoginAsync(attacker, $"name-{i}", "password");
        using var realUser = From(app, RealUser);
        var fromElsewhere = await PostLoginAsync(realUser, ViewerName, ViewerPassword);

        var checkedPasswords = logs.Lines.Count(l => l.Contains($"Sign-in failed for an unknown name from {Attacker}"));
        Assert.InRange(checkedPasswords, PerMinute, 2 * PerMinute);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning") && l.Contains($"Access:SignInsPerAddressPerMinute attempts from {Attacker}"));
        Assert.Equal("/", fromElsewhere.Headers.Location?.OriginalString);
    }

    private static HttpClient From(TestApp app, string address)
    {
        var client = Client(app);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private sealed class LimitedApp : TestApp
    {
        private readonly CapturingLoggerProvider logs;

        public LimitedApp(CapturingLoggerProvider logs) : base(Settings())
        {
            this.logs = logs;
            EnvironmentName = "Production";
        }

        private static Dictionary<string, string?> Settings()
        {
            var settings = UserSettings();
            settings["Access:SignInsPerAddressPerMinute"] = PerMinute.ToString();
            settings["ForwardedHeaders_Enabled"] = "true";
            return settings;
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<ILoggerProvider>(logs);
    }
}
