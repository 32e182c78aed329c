using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Sync;

/// <summary>What Hangfire does with a sync job that threw: the engine records a sync's own failures, so what escapes is
/// a failure around the run (the database, Hangfire's storage), and such a job is run again, not ended Failed.</summary>
public sealed class SyncJobsFacts
{
    [Fact]
    public async Task RunAsync_IsScheduledAgain_NotFailed_WhenAHangfireLockTimedOutAroundTheRun()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        var jobs = app.Get<IBackgroundJobClient>();
        // Far in the future: no worker takes it while the test moves it by hand.
        var id = jobs.Schedule<SyncJobs>(j => j.RunAsync(SyncType.Incremental, SyncTrigger.Manual, null, CancellationToken.None),
            TimeSpan.FromDays(1));

        // What a worker does when the job throws: the candidate state is Failed, the job's filters elect the final one
        // (so ChangeState answers false when they elect another).
        var lockTimedOut = new BackgroundJobClientException("State change failed",
            new DistributedLockTimeoutException("hangfire:job:1:state-lock"));
        jobs.ChangeState(id, new FailedState(lockTimedOut), ScheduledState.StateName);

        // The Failed candidate is in the history, followed by the retry; the job may have run again since.
        var history = app.Get<JobStorage>().GetMonitoringApi().JobDetails(id).History;
        using var connection = app.Get<JobStorage>().GetConnection();
        Assert.NotEqual(FailedState.StateName, connection.GetJobData(id)?.State);
        Assert.Contains(history, h => h.StateName == ScheduledState.StateName &&
                                      h.Reason?.StartsWith($"Retry attempt 1 of {SyncJobs.InfrastructureRetries}") == true);
    }

    [Fact]
    public async Task RetryAsync_IsScheduledAgain_NotFailed_WhenTheDatabaseFailedAroundTheRun()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        var jobs = app.Get<IBackgroundJobClient>();
        var id = jobs.Schedule<SyncJobs>(j => j.RetryAsync(1, null, CancellationToken.None), TimeSpan.FromDays(1));

        jobs.ChangeState(id, new FailedState(new TimeoutException("Timeout during reading attempt")), ScheduledState.StateName);

        var history = app.Get<JobStorage>().GetMonitoringApi().JobDetails(id).History;
        using var connection = app.Get<JobStorage>().GetConnection();
        Assert.NotEqual(FailedState.StateName, connection.GetJobData(id)?.State);
        Assert.Contains(history, h => h.StateName == ScheduledState.StateName &&
                                      h.Reason?.StartsWith($"Retry attempt 1 of {SyncJobs.InfrastructureRetries}") == true);
    }
}
