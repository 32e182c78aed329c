using Microsoft.AspNetCore.Diagnostics;

namespace SyncDashboard.Api;

/// <summary>Everything under <c>/api</c> answers in problem details (JSON), failures included: an exception becomes a
/// 500 problem instead of the HTML error page (which a script cannot read), and a bare status code (401, 403, 404 for
/// an unknown route, 405) gets a problem body. JSON whatever the request's <c>Accept</c> says: a browser asking for
/// HTML gets the same answer as a script, not the not-found page.</summary>
public static class ApiErrors
{
    /// <summary>Inside the app-wide error handling (the HTML error page, the not-found page), so for <c>/api</c> this
    /// answers first.</summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = http =>
                {
                    var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                    return Problem(error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError)
                        .ExecuteAsync(http);
                },
            });
            api.UseStatusCodePages(context =>
                Problem(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        });
        return app;
    }

    /// <summary>The status's standard title and type; never the exception's message, which may say too much.</summary>
    private static IResult Problem(int status) => TypedResults.Problem(statusCode: status);
}
