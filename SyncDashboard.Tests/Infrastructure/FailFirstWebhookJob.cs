using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Webhooks;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Hangfire's client, real, except that creating the first webhook sync job fails as it does when the job
/// storage cannot be reached (<see cref="BackgroundJobClientException"/>). Everything else goes to the app's own
/// client.</summary>
public sealed class FailFirstWebhookJob(IBackgroundJobClient inner) : IBackgroundJobClient
{
    private int failures;

    public int Failures => Volatile.Read(ref failures);

    public string Create(Job job, IState state)
    {
        if (job.Type == typeof(WebhookSyncJob) && Interlocked.CompareExchange(ref failures, 1, 0) == 0)
        {
            throw new BackgroundJobClientException("Job storage unavailable (injected by the test).",
                new InvalidOperationException("storage down"));
        }
        return inner.Create(job, state);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => inner.ChangeState(jobId, state, expectedState);

    /// <summary>Puts the failing client in front of the one Hangfire registered.</summary>
    public static void Install(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IBackgroundJobClient));
        services.Remove(registered);
        services.AddSingleton(provider => new FailFirstWebhookJob(
            (IBackgroundJobClient)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!))));
        services.AddSingleton<IBackgroundJobClient>(provider => provider.GetRequiredService<FailFirstWebhookJob>());
    }
}
