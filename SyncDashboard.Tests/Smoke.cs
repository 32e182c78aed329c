namespace SyncDashboard.Tests; public sealed class SmokeFacts { [Xunit.Fact] public void One() => Xunit.Assert.True(true); }
