using Microsoft.Net.Http.Headers;

namespace SyncDashboard.Api;

/// <summary>The API's actions take their arguments in the query and the path; a body, if any, must be JSON. A form or
/// <c>text/plain</c> body is what a foreign page can make a browser send without asking (no CORS preflight), so such
/// a request is refused with 415 before the action runs: one more guard beside the origin check.</summary>
public sealed class JsonBodiesOnly : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (IsRead(request.Method) || IsJsonOrAbsent(request.ContentType)) return next(context);
        return ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported body",
            detail: "This API takes its arguments in the query string; send no body, or a JSON one (application/json)."));
    }

    public static bool IsJsonOrAbsent(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || (MediaTypeHeaderValue.TryParse(contentType, out var media)
            && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)));

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
