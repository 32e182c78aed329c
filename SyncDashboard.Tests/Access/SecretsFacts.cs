using System.Net;
using System.Text;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Access;

/// <summary>A full fault-injection run with real-looking secrets configured, everything logged at Trace: afterwards
/// no secret (nor its base64, URL- or JSON-encoded form) is in the logs, the SQLite file and its WAL, Hangfire's job
/// arguments and state data, or any page or API answer fetched during the run.</summary>
public sealed class SecretsFacts
{
    private const string TodoistToken = "0123fe4c8d9b2a7f6e5d4c3b2a19087f6e5d4c3b";
    private const string ClientSecret = "cs-7d41b9e2a8f64c03b5e1d9a7c2f08e6b";
    private const string SmtpPassword = "smtp-Pa55-e3f9c1a7b2d8";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Secrets_AppearNowhere_AfterAFullFaultInjectionRun()
    {
        // The Todoist stand-in: a demo-mode host whose simulator accepts only the real-looking token.
        await using var todoist = new TestApp(new Dictionary<string, string?> { ["Simulator:Token"] = TodoistToken });
        var todoistUrl = await todoist.StartAsync();

        var logs = new CapturingLoggerProvider();
        var settings = UserSettings();
        var secrets = new List<string>
        {
            TodoistToken, ClientSecret, SmtpPassword, OperatorPassword, ViewerPassword,
            settings["Access:Users:0:PasswordHash"]!, settings["Access:Users:1:PasswordHash"]!,
        };
        settings["Todoist:ApiToken"] = TodoistToken;
        settings["Todoist:BaseUrl"] = todoistUrl.ToString().TrimEnd('/');
        settings["Todoist:ClientSecret"] = ClientSecret;
        settings["Todoist:RequestTimeoutSeconds"] = "1";
        settings["Alerts:Email:Password"] = SmtpPassword;
        settings["Retry:MaxRetries"] = "2";
        settings["Retry:BaseDelaySeconds"] = "1";
        settings["Logging:LogLevel:Default"] = "Trace";
        foreach (var category in new[] { "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System.Net.Http.HttpClient", "Hangfire" })
        {
            settings[$"Logging:LogLevel:{category}"] = "Trace";
        }
        settings["Logging:Console:LogLevel:Default"] = "Warning";
        await using var app = new CapturingApp(settings, logs);
        _ = app.Services; // starts the host (its own simulator stays off: a token is configured)

        var responses = new StringBuilder();
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);
        var faults = new[]
        {
            new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 },
            new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 },
            new SimulatorFaults { RateLimitRate = 1, RetryAfterSeconds = 1 },
            new SimulatorFaults { TimeoutRate = 1 },
            new SimulatorFaults { MalformedRate = 1 },
            new SimulatorFaults(),
        };
        foreach (var fault in faults)
        {
            todoist.Simulator.Faults = fault;
            var before = await CompletedRunsAsync(app);
            await Eventually.ReturnsAsync<string>(async () =>
            {
                var response = await @operator.PostAsync("/api/sync?type=incremental", null, Ct);
                responses.AppendLine(await DumpAsync(response));
                return response.StatusCode == HttpStatusCode.Accepted ? "queued" : null;
            });
            await Eventually.ReturnsAsync<string>(async () => await CompletedRunsAsync(app) > before ? "ran" : null);
        }
        // Retries scheduled by the faulty runs: let them run against the now healthy simulator.
        await Eventually.ReturnsAsync<string>(async () =>
        {
            await using var db = await app.CreateDbAsync();
            return await db.SyncEvents.AnyAsync(e => e.Status == SyncStatus.Started, Ct) ? null : "settled";
        });

        await using (var db = await app.CreateDbAsync())
        {
            var codes = await db.SyncEvents.Where(e => e.ErrorCode != null).Select(e => e.ErrorCode!).Distinct().ToListAsync(Ct);
            var statuses = await db.SyncEvents.Where(e => e.HttpStatus != null).Select(e => e.HttpStatus!.Value).Distinct().ToListAsync(Ct);
            Assert.True(codes.Count >= 4, $"The run met too few kinds of failure: {string.Join(", ", codes)}");
            Assert.Contains(429, statuses);
            Assert.Contains(403, statuses);
            Assert.Contains(503, statuses);
            Assert.True(await db.SyncEvents.AnyAsync(e => e.Status == SyncStatus.Succeeded, Ct));
        }

        foreach (var path in new[]
        {
            "/", "/login", "/hangfire", "/hangfire/jobs/succeeded", "/hangfire/jobs/failed", "/hangfire/jobs/scheduled",
            "/hangfire/jobs/deleted", "/hangfire/recurring", "/hangfire/servers", "/openapi/v1.json",
            "/api/monitoring/state", "/api/monitoring/events?limit=500", "/api/monitoring/errors", "/api/monitoring/health",
            "/api/monitoring/dashboard", "/api/export/events.json", "/api/export/events.csv",
        })
        {
            responses.AppendLine(await DumpAsync(await @operator.GetAsync(path, Ct)));
        }
        var hangfire = HangfireStorageText(app.Get<JobStorage>(), out var jobCount);
        Assert.True(jobCount >= faults.Length, $"Only {jobCount} jobs in Hangfire's storage");
        foreach (var id in HangfireJobIds(app.Get<JobStorage>()))
        {
            responses.AppendLine(await DumpAsync(await @operator.GetAsync($"/hangfire/jobs/details/{id}", Ct)));
        }

        var logText = string.Join("\n", logs.Lines);
        Assert.Contains("Authorization", logText); // the HttpClient's headers were logged at Trace, redacted
        var database = ReadShared(app.DatabaseFile) + ReadShared(app.DatabaseFile + "-wal");

        // Each haystack really holds what it should, so an absence below means something: a failure's message is
        // in the database file, the operator's name in the sign-in log line and the app bar, the sync job's method in
        // Hangfire's storage.
        await using (var db = await app.CreateDbAsync())
        {
            var message = await db.SyncEvents.Where(e => e.ErrorMessage != null).Select(e => e.ErrorMessage!).FirstAsync(Ct);
            Assert.Contains(message, database);
        }
        Assert.Contains($"{OperatorName} signed in", logText);
        Assert.Contains($"{OperatorName} · Operator", responses.ToString());
        Assert.Contains("RunAsync", hangfire);

        foreach (var secret in secrets)
        {
            foreach (var form in Forms(secret))
            {
                AssertAbsent(form, logText, "the logs");
                AssertAbsent(form, database, "the SQLite database file or its WAL");
                AssertAbsent(form, hangfire, "Hangfire's storage");
                AssertAbsent(form, responses.ToString(), "a page or API response");
            }
        }
    }

    /// <summary>The secret as it could leak: verbatim, base64 (Basic auth, a careless dump), URL- and JSON-encoded,
    /// and a distinctive stretch of it (a truncated or partly masked copy).</summary>
    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        yield return Uri.EscapeDataString(secret);
        yield return JsonSerializer.Serialize(secret).Trim('"');
        yield return secret[..(secret.Length * 2 / 3)];
    }

    private static void AssertAbsent(string form, string haystack, string where)
    {
        var at = haystack.IndexOf(form, StringComparison.Ordinal);
        Assert.True(at < 0, $"A secret ('{form[..6]}…') is in {where}: …{haystack.Substring(Math.Max(0, at - 120), Math.Min(240, haystack.Length - Math.Max(0, at - 120)))}…");
    }

    private static async Task<int> CompletedRunsAsync(TestApp app)
    {
        await using var db = await app.CreateDbAsync();
        return await db.SyncEvents.CountAsync(e => e.Status != SyncStatus.Started, Ct);
    }

    private static async Task<string> DumpAsync(HttpResponseMessage response) =>
        $"{response.RequestMessage?.RequestUri} {(int)response.StatusCode}\n{response.Headers}\n{response.Content.Headers}\n" +
        await response.Content.ReadAsStringAsync(Ct);

    private static string ReadShared(string path)
    {
        if (!File.Exists(path)) return "";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Encoding.UTF8.GetString(memory.ToArray()) + Encoding.Latin1.GetString(memory.ToArray());
    }

    private static List<string> HangfireJobIds(JobStorage storage)
    {
        var monitoring = storage.GetMonitoringApi();
        var ids = new List<string>();
        ids.AddRange(monitoring.SucceededJobs(0, 10_000).Select(j => j.Key));
        ids.AddRange(monitoring.FailedJobs(0, 10_000).Select(j => j.Key));
        ids.AddRange(monitoring.ScheduledJobs(0, 10_000).Select(j => j.Key));
        ids.AddRange(monitoring.ProcessingJobs(0, 10_000).Select(j => j.Key));
        ids.AddRange(monitoring.DeletedJobs(0, 10_000).Select(j => j.Key));
        foreach (var queue in monitoring.Queues()) ids.AddRange(monitoring.EnqueuedJobs(queue.Name, 0, 10_000).Select(j => j.Key));
        return ids.Distinct().ToList();
    }

    /// <summary>Every job's method, arguments (as stored), parameters and the data of every state it went through,
    /// plus the recurring jobs' definitions.</summary>
    private static string HangfireStorageText(JobStorage storage, out int jobCount)
    {
        var monitoring = storage.GetMonitoringApi();
        var text = new StringBuilder();
        var ids = HangfireJobIds(storage);
        jobCount = ids.Count;
        foreach (var id in ids)
        {
            var details = monitoring.JobDetails(id);
            text.AppendLine($"job {id}: {details.Job?.Type.FullName}.{details.Job?.Method.Name}");
            text.AppendLine(string.Join(" | ", details.Job?.Args.Select(Describe) ?? []));
            text.AppendLine(details.InvocationData?.Arguments);
            foreach (var (key, value) in details.Properties ?? new Dictionary<string, string>()) text.AppendLine($"{key}={value}");
            foreach (var state in details.History ?? [])
            {
                text.AppendLine($"{state.StateName} {state.Reason}");
                foreach (var (key, value) in state.Data ?? new Dictionary<string, string>()) text.AppendLine($"{key}={value}");
            }
        }
        using var connection = storage.GetConnection();
        foreach (var recurring in connection.GetRecurringJobs())
        {
            text.AppendLine($"recurring {recurring.Id} {recurring.Cron} {recurring.Job?.Method.Name} " +
                string.Join(" | ", recurring.Job?.Args.Select(Describe) ?? []));
        }
        return text.ToString();
    }

    private static string Describe(object? argument) => argument switch
    {
        CancellationToken => "<cancellation token>",
        null => "null",
        _ => JsonSerializer.Serialize(argument),
    };

    /// <summary>The app in Production with every log line captured, Hangfire's own logging included.</summary>
    private sealed class CapturingApp : TestApp
    {
        private readonly CapturingLoggerProvider logs;

        public CapturingApp(IDictionary<string, string?> settings, CapturingLoggerProvider logs) : base(settings)
        {
            this.logs = logs;
            EnvironmentName = "Production";
        }

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<Hangfire.Logging.ILogProvider>(new HangfireToCapture(logs));
        }
    }

    private sealed class HangfireToCapture(CapturingLoggerProvider logs) : Hangfire.Logging.ILogProvider
    {
        public Hangfire.Logging.ILog GetLogger(string name) => new Forwarder(logs.CreateLogger("Hangfire:" + name));

        private sealed class Forwarder(Microsoft.Extensions.Logging.ILogger logger) : Hangfire.Logging.ILog
        {
            public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
            {
                if (messageFunc is null) return true;
                logger.Log(Microsoft.Extensions.Logging.LogLevel.Information, exception, "{Message}", messageFunc());
                return true;
            }
        }
    }
}
