using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsCompare.Web.Startup;

/// <summary>
/// Every error of the JSON API is a ProblemDetails response (RFC 9457) that names what was wrong, never a stack trace or
/// an empty body: query parameters are checked before the endpoint binds them (each bad one named with its reason),
/// unknown routes and missing records answer 404 with a body, and an exception becomes a 500 without its details.
/// </summary>
public static class ApiProblems
{
    public static WebApplication UseApiProblems(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
            api.Use(async (context, next) =>
            {
                var errors = QueryProblems(context.Request.Query);
                if (errors.Count == 0)
                {
                    await next(context);
                    return;
                }
                await Results.ValidationProblem(errors, title: "The query string has values that cannot be read",
                    detail: string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))).ExecuteAsync(context);
            });
        });
        return app;
    }

    /// <summary>Each list parameter that cannot be read, with the reason (empty when all can).</summary>
    public static Dictionary<string, string[]> QueryProblems(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateOnly? Date(string name)
        {
            if (!query.TryGetValue(name, out var values) || string.IsNullOrEmpty(values.ToString())) return null;
            if (DateOnly.TryParseExact(values.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            errors[name] = [$"\"{values}\" is not a date; write it as yyyy-MM-dd."];
            return null;
        }
        var from = Date("from");
        var to = Date("to");
        if (from > to) errors["to"] = [$"{to:yyyy-MM-dd} is before from ({from:yyyy-MM-dd}); the range would match nothing."];
        if (query.TryGetValue("page", out var page) && !string.IsNullOrEmpty(page.ToString())
            && (!int.TryParse(page.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p < 1))
            errors["page"] = [$"\"{page}\" is not a page number (1 or more)."];
        foreach (var flag in new[] { "undated", "ungrouped" })
            if (query.TryGetValue(flag, out var v) && !string.IsNullOrEmpty(v.ToString()) && !bool.TryParse(v.ToString(), out _))
                errors[flag] = [$"\"{v}\" is neither true nor false."];
        if (query.TryGetValue("sort", out var sort) && !string.IsNullOrEmpty(sort.ToString())
            && !sort.ToString().Equals("date", StringComparison.OrdinalIgnoreCase) && !sort.ToString().Equals("coverage", StringComparison.OrdinalIgnoreCase))
            errors["sort"] = [$"\"{sort}\" is not a sort order; use date or coverage."];
        return errors;
    }

    /// <summary>A 404 that says what was not found.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);
}
