using System.Text;
using System.Text.Json;
using SyncDashboard.Access;
using SyncDashboard.Data;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>The simulator's HTTP surface, at Todoist's own paths: <c>POST /api/v1/sync</c>, plus
/// <c>GET|PUT /admin/faults</c> to steer fault injection while the app runs: a development tool with no sign-in, on
/// the simulator's own listener (loopback unless <c>Simulator:Url</c> says otherwise). A change there is audited as
/// <see cref="AuditAction.FaultInjection"/>, like one made in the dashboard's Simulator panel, under the caller's
/// address. Every other path is a 404, a wrong method a 405 and a failure a 500, each with Todoist's JSON
/// error body, as Todoist answers what it cannot serve.</summary>
internal static class SimulatorEndpoints
{
    public const string SyncPath = "/api/v1/sync";
    public const string FaultsPath = "/admin/faults";

    /// <summary>A hung request is released after this long even if the client never gives up.</summary>
    private static readonly TimeSpan MaxHang = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions AdminJson = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app, TodoistSimulator simulator, AuditLog? audit)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => WriteAsync(context, SimulatorErrors.ForStatus(500), context.RequestAborted),
        });
        // The statuses routing and the middleware below answer without a body get Todoist's error body.
        app.UseStatusCodePages(status =>
            WriteAsync(status.HttpContext, SimulatorErrors.ForStatus(status.HttpContext.Response.StatusCode),
                status.HttpContext.RequestAborted));

        // Todoist's paths are lower-case and mixed case is a 404 there; ASP.NET routing ignores case, so refuse here.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value?.Any(char.IsUpper) == true)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        });

        // Other methods on this path get routing's own 405 with an Allow header.
        app.MapPost(SyncPath, (HttpContext context) => SyncAsync(context, simulator));
        app.MapGet(FaultsPath, () => Results.Json(simulator.Faults, AdminJson));
        app.MapPut(FaultsPath, (HttpContext context) => PutFaultsAsync(context, simulator, audit));
    }

    private static async Task SyncAsync(HttpContext context, TodoistSimulator simulator)
    {
        var ct = context.RequestAborted;
        var fault = simulator.NextFault();
        // Latency and hangs are wall-clock waits on the connection, whatever clock the account runs on: the
        // client's timeout is wall-clock too, and a fake clock in tests would hang them forever.
        if (fault.Latency > TimeSpan.Zero) await Task.Delay(fault.Latency, ct);
        switch (fault.Kind)
        {
            case SimulatorFaultKind.Timeout:
                try { await Task.Delay(MaxHang, ct); }
                catch (OperationCanceledException) { return; }
                context.Abort();
                return;
            case SimulatorFaultKind.Error:
                await WriteAsync(context, fault.ErrorReply!, ct);
                return;
            case SimulatorFaultKind.Malformed:
                await WriteMalformedAsync(context, ct);
                return;
        }

        var (args, error) = await SyncRequestReader.ReadAsync(context.Request, ct);
        var reply = error is not null
            ? simulator.RefuseUnreadable(error)
            : simulator.Sync(BearerToken(context.Request), args!.SyncToken, args.ResourceTypes, args.Commands);
        await WriteAsync(context, reply, ct);
    }

    private static async Task PutFaultsAsync(HttpContext context, TodoistSimulator simulator, AuditLog? audit)
    {
        IResult result;
        try
        {
            var faults = await context.Request.ReadFromJsonAsync<SimulatorFaults>(AdminJson, context.RequestAborted);
            var problems = faults is null
                ? new Dictionary<string, string[]> { ["body"] = ["A JSON object is required."] }
                : SimulatorFaultsValidation.Validate(faults);
            if (problems.Count == 0)
            {
                simulator.Faults = faults!;
                // Null only when the simulator is hosted without the app's database (its own tests).
                if (audit is not null) await audit.RecordAsync(AuditAction.FaultInjection,
                    $"simulator admin ({context.Connection.RemoteIpAddress?.ToString() ?? "local"})",
                    SimulatorFaultCommands.Describe(faults!), context.RequestAborted);
            }
            result = problems.Count == 0 ? Results.Json(faults, AdminJson) : Results.ValidationProblem(problems);
        }
        catch (JsonException ex)
        {
            // The path ("$.errorRate") names the field that could not be read.
            var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            result = Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [ex.Message] });
        }
        catch (InvalidOperationException ex) when (!context.Request.HasJsonContentType())
        {
            result = Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [ex.Message] });
        }
        await result.ExecuteAsync(context);
    }

    /// <summary>The bearer token, "" for another scheme (a bad credential, so 403) or null with no header (401).</summary>
    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0) return null;
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
    }

    private static async Task WriteAsync(HttpContext context, SimulatorReply reply, CancellationToken ct)
    {
        context.Response.StatusCode = reply.StatusCode;
        if (reply.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString();
        context.Response.ContentType = "application/json";
        object body = (object?)reply.Response ?? reply.Error!;
        await JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), TodoistJson.Options, ct);
    }

    /// <summary>A 200 whose body breaks off mid-object, as a dropped proxy connection or a server bug would leave it.
    /// It is built by hand so no sync token is issued for it.</summary>
    private static async Task WriteMalformedAsync(HttpContext context, CancellationToken ct)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        var text = """{"sync_token":"broken","full_sync":false,"items":[{"id":"6X7rM8997g3RQmvh","content":"Buy mi""";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }
}
