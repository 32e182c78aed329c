namespace SyncDashboard.Api;

/// <summary>Everything under <c>/api</c> answers in problem details (JSON), failures included: an exception becomes a
/// 500 problem instead of the HTML error page (which a script cannot read), and a bare status code (401, 403, 404 for
/// an unknown route, 405) gets a problem body.</summary>
public static class ApiErrors
{
    /// <summary>Inside the app-wide error handling (the HTML error page, the not-found page), so for <c>/api</c> this
    /// answers first.</summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api =>
        {
            // Written as problem details whatever the request accepts: a browser asking for HTML gets JSON too,
            // rather than the plain-text status line the framework falls back to.
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad
                    ? bad.StatusCode
                    : StatusCodes.Status500InternalServerError,
                ExceptionHandler = ProblemForStatusAsync,
            });
            api.UseStatusCodePages(context => ProblemForStatusAsync(context.HttpContext));
        });
        return app;
    }

    private static Task ProblemForStatusAsync(HttpContext http) =>
        Results.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http);
}
