using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallCenter.Infrastructure.Http;

/// <summary>Marks a create endpoint as taking <c>Idempotency-Key</c> (the OpenAPI document shows the header on it).</summary>
public sealed class IdempotentCreate
{
    public static readonly IdempotentCreate Instance = new();
}

/// <summary>
/// Issue 17, decision 0023: every "create" takes an <c>Idempotency-Key</c> header, one mechanism for all of them.
/// Requests with the same key from the same caller to the same operation are serialized (a PostgreSQL advisory lock on the
/// key, held while the handler runs); the first successful (2xx) answer is remembered for 24 h in
/// <c>idempotent_requests</c> (status, Location, ETag, body) and a retry gets it back verbatim
/// (<c>Idempotent-Replayed: true</c>) without the handler running, so nothing is decided, taken or stored again.
/// A refused request (4xx, 5xx) is not remembered: the caller may correct it and send it again with the same key.
/// The same key with another body is 422. Without the header a create behaves as before.
/// </summary>
public sealed class Idempotency(NpgsqlDataSource data, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan Kept = TimeSpan.FromHours(24);

    public const string Description = "Optional, 8 to 128 letters, digits or . _ : - (e.g. a UUID). A retried request with the same key " +
        "(same user, same operation, same body) within 24 hours gets the first answer again (same status, id and body, header " +
        "Idempotent-Replayed: true) and creates nothing new; concurrent retries wait for the first. The same key with another body is 422. " +
        "A refused request is not remembered, so it can be corrected and sent again with its key.";

    public const string TableSql = """
        create table if not exists idempotent_requests (
            scope text primary key,          -- sha-256 of caller, operation and key
            fingerprint text not null,       -- sha-256 of the request body
            status int not null,
            location text,
            etag text,
            body text,
            created_at timestamptz not null
        );
        create index if not exists idempotent_requests_created on idempotent_requests (created_at);
        """;

    public static async Task EnsureTableAsync(NpgsqlDataSource data, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand(TableSql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static bool IsValidKey(string key) =>
        key.Length is >= 8 and <= 128 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values)) return await next(context);
        var key = values.ToString();
        if (values.Count != 1 || !IsValidKey(key))
            throw new ValidationException([new ValidationFailure(Header, $"{Header}: 8 to 128 letters, digits or . _ : - (e.g. a UUID).")]);

        var caller = http.User.Identity?.IsAuthenticated == true ? "user:" + http.User.Identity.Name : "key:" + (http.Request.Headers[Calls.CallEndpoints.ApiKeyHeader].ToString() is { Length: > 0 } k ? Hash(k) : "");
        var operation = http.Request.Method + " " + ((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value);
        var scope = Hash($"{caller}\n{operation}\n{key}");
        var fingerprint = await FingerprintAsync(http.Request);

        await using var connection = await data.OpenConnectionAsync(http.RequestAborted);
        await using var tx = await connection.BeginTransactionAsync(http.RequestAborted);
        // Same key: one at a time (a transaction lock, released at commit or rollback, also if the client goes away).
        await Exec(connection, "select pg_advisory_xact_lock(hashtextextended($1, 17))", http.RequestAborted, scope);
        await using (var find = Command(connection, "select fingerprint, status, location, etag, body from idempotent_requests where scope = $1 and created_at > $2",
                         scope, clock.GetUtcNow() - Kept))
        await using (var r = await find.ExecuteReaderAsync(http.RequestAborted))
            if (await r.ReadAsync(http.RequestAborted))
            {
                if (r.GetString(0) != fingerprint)
                    return TypedResults.Problem(statusCode: 422, title: "Idempotency-Key used for another request.",
                        detail: "This key was sent earlier with a different body; use a new key for a new request.");
                return new Replay(r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4));
            }

        var result = await next(context);
        var (status, value, location) = Describe(result);
        if (status is >= 200 and < 300)
        {
            var body = value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
            var etag = http.Response.Headers.ETag.ToString();
            await Exec(connection, "delete from idempotent_requests where created_at < $1", CancellationToken.None, clock.GetUtcNow() - Kept);
            await Exec(connection, """
                insert into idempotent_requests (scope, fingerprint, status, location, etag, body, created_at)
                values ($1, $2, $3, $4, $5, $6, $7) on conflict (scope) do nothing
                """, CancellationToken.None, scope, fingerprint, status, location, etag.Length > 0 ? etag : null, body, clock.GetUtcNow());
            await tx.CommitAsync(CancellationToken.None);
        }
        return result;
    }

    /// <summary>The status, value and Location of an endpoint's result (typed results, unions of them, or a plain value: 200).</summary>
    static (int Status, object? Value, string? Location) Describe(object? result)
    {
        while (result is INestedHttpResult nested) result = nested.Result;
        if (result is not IResult) return (200, result, null);
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? 200;
        var value = (result as IValueHttpResult)?.Value;
        var location = result.GetType().GetProperty("Location")?.GetValue(result) as string;
        return (status, value, location);
    }

    static async Task<string> FingerprintAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var (name, value) in form.OrderBy(f => f.Key, StringComparer.Ordinal)) hash.AppendData(Encoding.UTF8.GetBytes($"{name}={value}\n"));
            foreach (var file in form.Files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file.Name + "\n"));
                await using var s = file.OpenReadStream();
                hash.AppendData(await ReadAllAsync(s));
            }
            return Convert.ToHexString(hash.GetHashAndReset());
        }
        // A JSON body is buffered by InputGuard; a body the handler reads itself is buffered here (one bound already reads as empty).
        if (!request.Body.CanSeek) request.EnableBuffering();
        request.Body.Position = 0;
        var bytes = await ReadAllAsync(request.Body);
        request.Body.Position = 0;
        return Convert.ToHexString(SHA256.HashData(bytes));
    }

    static async Task<byte[]> ReadAllAsync(Stream s)
    {
        using var buffer = new MemoryStream();
        await s.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    static string Hash(string s) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] args)
    {
        var cmd = new NpgsqlCommand(sql, connection);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return cmd;
    }

    static async Task Exec(NpgsqlConnection connection, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(connection, sql, args);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The first answer, again.</summary>
    sealed class Replay(int status, string? location, string? etag, string? body) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.Headers[ReplayedHeader] = "true";
            if (location is not null) http.Response.Headers.Location = location;
            if (etag is not null) http.Response.Headers.ETag = etag;
            if (body is null) return;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(body, http.RequestAborted);
        }
    }
}

public static class IdempotencyEndpoints
{
    /// <summary>This create takes <c>Idempotency-Key</c> (<see cref="Idempotency"/>).</summary>
    public static RouteHandlerBuilder IdempotentCreate(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(Http.IdempotentCreate.Instance).AddEndpointFilter<Idempotency>();
}
