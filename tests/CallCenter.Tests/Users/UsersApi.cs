using System.Net;
using System.Net.Http.Json;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Users;

/// <summary>Helpers for the users tests: sign in with any password, copy a session cookie to another client.</summary>
static class UsersApi
{
    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string user, string password) =>
        await client.PostAsJsonAsync("/api/auth/login", new { username = user, password });

    /// <summary>Signs in (200 expected) and sends the XSRF header as the SPA does.</summary>
    public static async Task<HttpClient> SignInAsync(AppHost app, string user, string password)
    {
        var client = app.Anonymous();
        var response = await LoginAsync(client, user, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xsrf = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("XSRF-TOKEN="));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf["XSRF-TOKEN=".Length..]));
        return client;
    }

    /// <summary>A client without a cookie jar that sends exactly this session cookie (what an attacker holding it would do).</summary>
    public static async Task<HttpClient> CookieOfAsync(AppHost app, string user, string password)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await LoginAsync(client, user, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        var xsrf = cookies.Single(c => c.StartsWith("XSRF-TOKEN="));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf["XSRF-TOKEN=".Length..]));
        return client;
    }

    public static object Naama(string team = "team-1") => new
    {
        id = "naama", name = "Naama Levi", password = "Billing-desk-42", roles = new[] { "agent" }, agentTypes = new[] { "inbound" },
        team, skillGroups = new[] { "billing" }, proficiency = new Dictionary<string, int> { ["billing"] = 4 }, extension = "8321",
    };
}
