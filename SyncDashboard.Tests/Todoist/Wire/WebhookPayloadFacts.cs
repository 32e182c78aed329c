using System.Text;
using SyncDashboard.Todoist.Wire;
using Xunit;

namespace SyncDashboard.Tests.Todoist.Wire;

public sealed class WebhookPayloadFacts
{
    [Fact]
    public void TryParse_ReadsNameUserObjectAndTriggeredAt()
    {
        var body = """
            {"event_name":"note:added","user_id":2671355,"event_data":{"id":"n1","content":"x"},
             "initiator":{"id":"2671355"},"version":"10","triggered_at":"2025-02-10T10:33:38.000000Z"}
            """u8.ToArray();

        Assert.True(WebhookPayload.TryParse(body, out var payload, out _));
        Assert.Equal(new WebhookPayload("note:added", "2671355", "note", "n1",
            new DateTime(2025, 2, 10, 10, 33, 38, DateTimeKind.Utc)), payload);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("null", "JSON object")]
    [InlineData("""{"user_id":"1","event_data":{}}""", "event_name")]
    [InlineData("""{"event_name":"item:added","event_data":{}}""", "user_id")]
    [InlineData("""{"event_name":"item:added","user_id":{},"event_data":{}}""", "user_id")]
    [InlineData("""{"event_name":"item:added","user_id":"1","event_data":[]}""", "event_data")]
    [InlineData("""{"event_name":"item:added","user_id":"1","event_data":{},"triggered_at":5}""", "triggered_at")]
    [InlineData("""{"event_name":"DROP TABLE","user_id":"1","event_data":{}}""", "event_name")]
    public void TryParse_NamesWhatIsWrong(string json, string named)
    {
        Assert.False(WebhookPayload.TryParse(Encoding.UTF8.GetBytes(json), out var payload, out var problem));
        Assert.Null(payload);
        Assert.Contains(named, problem);
    }

    [Fact]
    public void TryParse_RefusesDeepNesting()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100));
        var json = """{"event_name":"item:added","user_id":"1","event_data":{"x":""" + deep + "}}";

        Assert.False(WebhookPayload.TryParse(Encoding.UTF8.GetBytes(json), out _, out _));
    }
}
