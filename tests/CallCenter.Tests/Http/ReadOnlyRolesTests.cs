using System.Net;
using System.Text;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using Npgsql;

namespace CallCenter.Tests.Http;

/// <summary>
/// R-USE-3 and R-ROLE-2: analysts and auditors read; they change nothing. Every unsafe operation of the OpenAPI
/// document is called as each of them (with a valid session and XSRF token) and must be refused, with nothing appended.
/// </summary>
public class ReadOnlyRolesTests
{
    // signing in and out changes only the caller's own session
    static readonly string[] Allowed = ["/api/auth/login", "/api/auth/logout"];

    [Theory]
    [InlineData("analyst")]
    [InlineData("auditor")]
    public async Task Read_only_roles_are_refused_every_unsafe_operation_and_nothing_is_appended(string role)
    {
        using var app = await AppHost.StartAsync();
        var client = await app.SignInAsync(role);
        var doc = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var before = await EventCountAsync(app.Database);
        var operations = 0;
        var failures = new List<string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            if (Allowed.Contains(path.Name)) continue;
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "post" or "put" or "patch" or "delete"))
            {
                operations++;
                var url = System.Text.RegularExpressions.Regex.Replace(path.Name, "{[^}]+}", "1");
                using var request = new HttpRequestMessage(new HttpMethod(op.Name.ToUpperInvariant()), url)
                    { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                var status = (await client.SendAsync(request)).StatusCode;
                if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)) failures.Add($"{op.Name} {path.Name} → {(int)status}");
            }
        }
        Assert.True(operations > 40, $"only {operations} unsafe operations found");
        Assert.Empty(failures);
        Assert.Equal(before, await EventCountAsync(app.Database));
    }

    static async Task<long> EventCountAsync(string database)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(*) from eventstore.events", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
