using System.Text.Json;
using SyncDashboard.Todoist.Wire;
using Xunit;

namespace SyncDashboard.Tests.Todoist.Wire;

/// <summary>Todoist has sent an empty field both ways over time: as a null key and not at all. The app reads both
/// alike, and writes (the simulator's side) every key, nulls included.</summary>
public sealed class TodoistJsonFacts
{
    public static TheoryData<Type, string, string> NullOrMissing => new()
    {
        {
            typeof(WireItem),
            """{"id":"i1","project_id":"p1","content":"Milk","checked":false}""",
            """{"id":"i1","project_id":"p1","content":"Milk","checked":false,"section_id":null,"parent_id":null,"added_by_uid":null,"assigned_by_uid":null,"responsible_uid":null,"deadline":null,"duration":null,"added_at":null,"completed_at":null,"completed_by_uid":null,"updated_at":null,"due":null}"""
        },
        {
            typeof(WireProject),
            """{"id":"p1","name":"Work"}""",
            """{"id":"p1","name":"Work","color":null,"parent_id":null,"view_style":null,"description":null,"created_at":null,"updated_at":null}"""
        },
        {
            typeof(WireSection),
            """{"id":"s1","project_id":"p1","name":"Later"}""",
            """{"id":"s1","project_id":"p1","name":"Later","archived_at":null,"description":null,"added_at":null,"updated_at":null}"""
        },
        {
            typeof(WireLabel),
            """{"id":"l1","name":"home"}""",
            """{"id":"l1","name":"home","order":null,"color":null}"""
        },
        {
            typeof(WireNote),
            """{"id":"n1","item_id":"i1","content":"ok"}""",
            """{"id":"n1","item_id":"i1","content":"ok","file_attachment":null,"uids_to_notify":null,"reactions":null,"posted_at":null,"posted_uid":null}"""
        },
        {
            typeof(WireDue),
            """{"is_recurring":false,"string":"tomorrow","date":"2025-02-11"}""",
            """{"is_recurring":false,"string":"tomorrow","date":"2025-02-11","datetime":null,"timezone":null,"lang":null}"""
        },
    };

    [Theory]
    [MemberData(nameof(NullOrMissing))]
    public void Read_TakesANullKeyAndAMissingOneAlike(Type type, string missing, string nulls)
    {
        var fromMissing = JsonSerializer.Deserialize(missing, type, TodoistJson.Options);
        var fromNulls = JsonSerializer.Deserialize(nulls, type, TodoistJson.Options);

        Assert.Equal(JsonSerializer.Serialize(fromMissing, type, TodoistJson.Options),
            JsonSerializer.Serialize(fromNulls, type, TodoistJson.Options));
    }

    [Fact]
    public void Write_SendsNullKeys_ButLeavesOutWhatTheResponseHasNot()
    {
        var response = new SyncResponse
        {
            SyncToken = "t",
            Items = [new WireItem { Id = "i1", ProjectId = "p1" }],
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(response, TodoistJson.Options));

        var root = json.RootElement;
        Assert.Equal(["full_sync", "items", "sync_token"], root.EnumerateObject().Select(p => p.Name).Order());
        var item = root.GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Null, item.GetProperty("parent_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("due").ValueKind);
        Assert.Equal(JsonValueKind.Array, item.GetProperty("labels").ValueKind);
    }
}
