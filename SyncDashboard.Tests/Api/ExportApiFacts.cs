using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Api;

public sealed class ExportApiFacts(ExportApiFacts.LargeExport data) : IClassFixture<ExportApiFacts.LargeExport>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Streaming, measured by what can be observed for certain rather than by memory counters (a process-wide
    /// GC figure moves with every other test running in parallel): the export's database reader is still open, i.e. the
    /// server has not finished reading the events, when the client already holds the first bytes of the body. An
    /// endpoint that buffered (ToListAsync, then write) would close the reader before writing a byte. The test host's
    /// response pipe applies back-pressure (a writer waits once ~64 KB are unread), so while the client holds off,
    /// a streaming server cannot race to the end of a ~25 MB export: the check is deterministic, not a timing race.</summary>
    [Fact]
    public async Task Csv_StreamsEveryEventInTheRange_BeforeTheServerHasReadThemAll()
    {
        var watch = new ExportReaderWatch();
        await using var app = new WatchedApp(watch, data.DatabaseFile);
        using var client = app.CreateClient();
        var clock = Stopwatch.StartNew();

        using var response = await client.GetAsync($"/api/monitoring/events.csv?from={Iso(LargeExport.From)}&to={Iso(LargeExport.To)}",
            HttpCompletionOption.ResponseHeadersRead, Ct);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        var buffer = new byte[64 * 1024];
        var read = await body.ReadAsync(buffer, Ct);
        var readerOpenAtFirstChunk = !watch.Closed.IsCompleted;
        var firstChunkAfter = clock.Elapsed;
        var csv = new CsvTally();
        for (; read > 0; read = await body.ReadAsync(buffer, Ct)) csv.Add(buffer.AsSpan(0, read));
        var total = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sync-events-20260101T000000Z-20260311T104000Z.csv",
            response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(readerOpenAtFirstChunk, "the first bytes came only after the server had read every event");
        // EF counts every Read() call, the last one (which found no more rows) too.
        Assert.Equal(LargeExport.Count + 1, await watch.Closed.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal(LargeExport.Count + 1, csv.Records);
        Assert.StartsWith("id,type,trigger,status,startedAt,completedAt,durationMs,itemsProcessed,itemsAdded,itemsUpdated," +
            "itemsDeleted,errorCode,errorMessage,httpStatus,attempt,errorChainId,jobId\r\n" +
            "1,Incremental,Schedule,Failed,2026-01-01T00:00:00Z,2026-01-01T00:00:01.5Z,1500,0,0,0,0,Transient," +
            "\"'=1+2, \"\"boom\"\"\r\nsee log\",500,1,,job-0\r\n2,Incremental,Schedule,Succeeded,", csv.Head);
        Assert.EndsWith("\r\n200000,Incremental,Schedule,Succeeded,2026-03-11T10:39:30Z,2026-03-11T10:39:31.5Z,1500,99,0,0,0," +
            ",,,1,,job-199999\r\n", csv.Tail);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{csv.Bytes:N0} bytes, {csv.Records:N0} records; first chunk after {firstChunkAfter.TotalMilliseconds:N0} ms, " +
            $"all after {total.TotalMilliseconds:N0} ms");
    }

    /// <summary>The JSON export hands an <see cref="IAsyncEnumerable{T}"/> to System.Text.Json; the same probe as the
    /// CSV's shows it writes while reading instead of collecting the rows first.</summary>
    [Fact]
    public async Task Json_StreamsEveryEventInTheRange_BeforeTheServerHasReadThemAll()
    {
        var watch = new ExportReaderWatch();
        await using var app = new WatchedApp(watch, data.DatabaseFile);
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/monitoring/events.json?from={Iso(LargeExport.From)}&to={Iso(LargeExport.To)}",
            HttpCompletionOption.ResponseHeadersRead, Ct);
        await using var body = new FirstReadProbe(await response.Content.ReadAsStreamAsync(Ct), () => !watch.Closed.IsCompleted);
        var count = 0;
        JsonElement first = default, last = default;
        await foreach (var e in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, cancellationToken: Ct))
        {
            if (count++ == 0) first = e;
            last = e;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(body.ProbeAtFirstRead, "the first bytes came only after the server had read every event");
        Assert.Equal(LargeExport.Count, count);
        Assert.Equal(1, first.GetProperty("id").GetInt64());
        Assert.Equal("=1+2, \"boom\"\r\nsee log", first.GetProperty("errorMessage").GetString());
        Assert.Equal("Failed", first.GetProperty("status").GetString());
        Assert.Equal(LargeExport.Count, last.GetProperty("id").GetInt64());
        Assert.Equal("2026-03-11T10:39:30Z", last.GetProperty("startedAt").GetString());
    }

    [Fact]
    public async Task Csv_WritesOnlyTheHeader_WhenNoEventIsInTheRange()
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/monitoring/events.csv?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("sync-events-20261101T000000Z-20261201T000000Z.csv",
            response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("id,type,", text);
        Assert.Single(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Json_DefaultsToTheLast30Days_WhenNoRangeIsGiven()
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/monitoring/events.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement[]>(Ct))!);
        var name = response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        var from = DateTime.ParseExact(name!["sync-events-".Length..][..16], "yyyyMMdd'T'HHmmss'Z'", null);
        var to = DateTime.ParseExact(name[("sync-events-".Length + 17)..][..16], "yyyyMMdd'T'HHmmss'Z'", null);
        Assert.Equal(TimeSpan.FromDays(30), to - from);
    }

    [Theory]
    [InlineData("csv", "from=yesterday", "from")]
    [InlineData("csv", "from=garbage", "from")]
    [InlineData("json", "to=garbage", "to")]
    [InlineData("csv", "from=2026-11-01", "from")]
    [InlineData("json", "to=2026-11-01T00:00:00", "to")]
    [InlineData("json", "from=2026-11-01T00:00:00Z&to=11/02/2026", "to")]
    [InlineData("csv", "from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    [InlineData("json", "from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    [InlineData("csv", "from=2025-01-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    // The default range reaches back 30 days from `to`, which at year 1 would be before time began (was a 500).
    [InlineData("csv", "to=0001-01-01T00:00:00Z", "to")]
    [InlineData("json", "from=9999-12-31T23:59:59Z", "to")]
    public async Task Export_Returns400ProblemDetails_NamingTheParameter(string format, string query, string parameter)
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();

        var response = await client.GetAsync($"/api/monitoring/events.{format}?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    /// <summary>A range that starts at the first representable time is a range like any other: empty here.</summary>
    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Export_AnswersAnEmptyRange_NearYearOne(string format)
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();

        var response = await client.GetAsync($"/api/monitoring/events.{format}?to=0001-01-02T00:00:00Z", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"sync-events-00010101T000000Z-00010102T000000Z." + format + "\"",
            response.Content.Headers.ContentDisposition?.ToString());
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    /// <summary>200,000 events, one every 30 s from 2026-01-01, every 1000th a failure whose message needs quoting
    /// and defusing; plus one just before <see cref="From"/> and one at <see cref="To"/>, which the export leaves out.</summary>
    public sealed class LargeExport : IAsyncLifetime
    {
        public const int Count = 200_000;
        public static readonly DateTime From = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        public static readonly DateTime To = From.AddSeconds(30L * Count);
        private TestDatabase? database;

        public string DatabaseFile => database!.Path;

        public async ValueTask InitializeAsync()
        {
            database = await TestDatabase.CreateAsync();
            await using var connection = new SqliteConnection($"Data Source={database.Path}");
            await connection.OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO sync_events (Service, Type, Trigger, Status, StartedUtc, CompletedUtc, DurationMs,
                    ItemsProcessed, ItemsAdded, ItemsUpdated, ItemsDeleted, ErrorCode, ErrorMessage, HttpStatus, Attempt, JobId)
                VALUES ($service, 'Incremental', 'Schedule', $status, $started, $completed, 1500, $processed, 0, 0, 0,
                    $code, $message, $http, 1, $job)
                """;
            var p = new[] { "$service", "$status", "$started", "$completed", "$processed", "$code", "$message", "$http", "$job" }
                .ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter { ParameterName = n }));
            await insert.PrepareAsync();
            void Row(int i, DateTime started)
            {
                var failed = i % 1000 == 0;
                p["$service"].Value = ServiceName.Todoist;
                p["$status"].Value = failed ? "Failed" : "Succeeded";
                p["$started"].Value = started;
                p["$completed"].Value = started.AddMilliseconds(1500);
                p["$processed"].Value = i % 100;
                p["$code"].Value = failed ? "Transient" : DBNull.Value;
                p["$message"].Value = failed ? "=1+2, \"boom\"\r\nsee log" : DBNull.Value;
                p["$http"].Value = failed ? 500 : DBNull.Value;
                p["$job"].Value = $"job-{i}";
                insert.ExecuteNonQuery();
            }
            for (var i = 0; i < Count; i++) Row(i, From.AddSeconds(30L * i));
            Row(1, From.AddSeconds(-1));
            Row(1, To);
            await transaction.CommitAsync();
        }

        public ValueTask DisposeAsync() => database?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>Reports how many rows the export's reader had read when it closed.</summary>
    private sealed class ExportReaderWatch : DbCommandInterceptor
    {
        private readonly TaskCompletionSource<int> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> Closed => closed.Task;

        public override ValueTask<InterceptionResult> DataReaderClosingAsync(
            DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            if (IsExport(command)) closed.TrySetResult(eventData.ReadCount);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderDisposing(
            DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            if (IsExport(command)) closed.TrySetResult(eventData.ReadCount);
            return result;
        }

        private static bool IsExport(DbCommand command) =>
            command.CommandText.Contains($"-- {EventQueries.ExportTag}", StringComparison.Ordinal);
    }

    private sealed class WatchedApp(ExportReaderWatch watch, string databaseFile) : TestApp(null, databaseFile)
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.ConfigureDbContext<SqliteMonitoringDbContext>(db => db.AddInterceptors(watch));
    }

    /// <summary>Counts CSV records (line breaks outside quotes) as the bytes pass, keeping only the head and the tail.</summary>
    private sealed class CsvTally
    {
        private const int Kept = 4096;
        private readonly List<byte> head = [];
        private byte[] tail = [];
        private bool quoted;

        public long Bytes { get; private set; }
        public int Records { get; private set; }
        public string Head => Encoding.UTF8.GetString([.. head]);
        public string Tail => Encoding.UTF8.GetString(tail);

        public void Add(ReadOnlySpan<byte> chunk)
        {
            foreach (var b in chunk)
            {
                if (b == '"') quoted = !quoted;
                else if (b == '\n' && !quoted) Records++;
            }
            Bytes += chunk.Length;
            if (head.Count < Kept) head.AddRange(chunk[..Math.Min(chunk.Length, Kept - head.Count)]);
            tail = [.. tail, .. chunk];
            if (tail.Length > Kept) tail = tail[^Kept..];
        }
    }

    /// <summary>Evaluates a probe when the first read of the body returns, i.e. when the client first holds bytes.</summary>
    private sealed class FirstReadProbe(Stream inner, Func<bool> probe) : Stream
    {
        public bool? ProbeAtFirstRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            var read = await inner.ReadAsync(buffer, ct);
            ProbeAtFirstRead ??= probe();
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
