using SyncDashboard.Data;
using SyncDashboard.Todoist;

namespace SyncDashboard.Tests.Todoist;

public sealed class FailureClassifierFacts
{
    [Theory]
    [InlineData(400, "INVALID_SYNC_TOKEN", "Invalid sync token", FailureKind.InvalidSyncToken)]
    [InlineData(400, null, "sync_token is invalid or expired", FailureKind.InvalidSyncToken)]
    [InlineData(400, "INVALID_ARGUMENT_VALUE", "Invalid argument value", FailureKind.Contract)]
    [InlineData(401, "AUTH_INVALID_TOKEN", "Invalid token", FailureKind.Credentials)]
    [InlineData(403, "AUTH_INVALID_TOKEN", "Invalid token", FailureKind.Credentials)]
    [InlineData(404, null, "Not found", FailureKind.Contract)]
    [InlineData(410, null, "This API is deprecated", FailureKind.Contract)]
    [InlineData(429, "LIMITS_REACHED", "Too many requests", FailureKind.RateLimited)]
    [InlineData(500, null, "Internal server error", FailureKind.Transient)]
    [InlineData(502, null, null, FailureKind.Transient)]
    [InlineData(503, "SERVICE_UNAVAILABLE", "Service unavailable", FailureKind.Transient)]
    [InlineData(408, null, null, FailureKind.Transient)]
    [InlineData(418, null, "I'm a teapot", FailureKind.Unknown)]
    public void Classify_MapsStatusAndTag_ToFailureKind(int status, string? tag, string? error, FailureKind expected) =>
        Assert.Equal(expected, FailureClassifier.Classify(status, tag, error));
}
