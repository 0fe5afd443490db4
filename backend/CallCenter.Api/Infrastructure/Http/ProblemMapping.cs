using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CallCenter.Infrastructure.Http;

/// <summary>
/// The one mapping from failures to RFC 9457 problem details: 400 validation (with the field at
/// fault), 403 forbidden, 404 not found, 409 concurrency conflict, 422 broken rule.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, Outages outages, ILogger<ProblemMapping> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (Outages.IsOutage(exception))
        {
            outages.Failed(exception); // logged once per outage, not once per request
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = Outages.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http, Exception = exception,
                ProblemDetails = new ProblemDetails { Status = 503, Title = "Temporarily unavailable.", Detail = "The event store or the database does not answer. Retry after the Retry-After seconds." },
            });
        }
        var problem = Map(exception);
        if (problem is null)
        {
            log.LogError(exception, "Unhandled error");
            return false;
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails? Map(Exception exception) => exception switch
    {
        ValidationException v => new HttpValidationProblemDetails(
            v.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
        { Status = 400, Title = "The request is not valid." },
        BadHttpRequestException b => BadRequest(b),
        AntiforgeryValidationException => new ProblemDetails
        { Status = 400, Title = "Missing or invalid XSRF token.", Detail = "Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header." },
        ForbiddenException f => new ProblemDetails { Status = 403, Title = "Forbidden.", Detail = f.Message },
        NotFoundException n => new ProblemDetails { Status = 404, Title = "Not found.", Detail = n.Message },
        WrongExpectedVersionException w => new ProblemDetails
        { Status = 409, Title = "Changed meanwhile.", Detail = w.Message + " Reload and try again." },
        RuleViolationException r => new ProblemDetails { Status = 422, Title = "Not allowed now.", Detail = r.Message },
        UnauthorizedAccessException => new ProblemDetails { Status = 401, Title = "Sign in first." },
        // A value PostgreSQL refuses (a safety net under the validators: InputGuard and the per-field limits come first).
        _ when Outages.Postgres(exception) is { SqlState: { } state } && (state.StartsWith("22") || state == "54000") => new ProblemDetails
        { Status = 400, Title = "The request is not valid.", Detail = "A value is out of the range the database accepts." },
        _ => null,
    };

    /// <summary>Malformed JSON or a missing body: name the field at fault when the parser knows it.</summary>
    static ProblemDetails BadRequest(BadHttpRequestException b)
    {
        var field = b.InnerException is JsonException { Path: { Length: > 0 } path } ? path.TrimStart('$', '.')
            : ParameterName.Match(b.Message) is { Success: true } m ? m.Groups[1].Value : "body";
        if (field.Length == 0) field = "body";
        var message = b.InnerException is JsonException j ? $"Malformed JSON: {j.Message}" : b.Message;
        var status = b.StatusCode is 413 or 415 ? b.StatusCode : 400;
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = status switch { 413 => "The request is too large.", 415 => "Send application/json.", _ => "The request is not valid." },
        };
    }

    /// <summary>The parameter a binding error is about: 'Failed to bind parameter "DateOnly from" from "x".'</summary>
    static readonly System.Text.RegularExpressions.Regex ParameterName = new("parameter \"[^\"]*?(\\w+)\"", System.Text.RegularExpressions.RegexOptions.Compiled);
}
