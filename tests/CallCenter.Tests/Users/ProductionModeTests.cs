using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CallCenter.Tests.Infrastructure;
using Npgsql;

namespace CallCenter.Tests.Users;

/// <summary>Production mode (CALLCENTER_MODE=production, docs/deployment.md): refuses default secrets naming the setting;
/// with proper settings starts without demo data and the bootstrap admin signs in.</summary>
public class ProductionModeTests
{
    static string Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=callcenter-data-protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"cc-dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pfx, "cert-pass"));
        return path;
    }

    static Dictionary<string, string> Proper(string cert) => new()
    {
        ["CALLCENTER_MODE"] = "production",
        ["CALLCENTER_DEMO_PASSWORD"] = "",
        ["CALLCENTER_CTI_KEY"] = "k3y-" + Guid.NewGuid().ToString("N"),
        ["CALLCENTER_DATA_PROTECTION_CERT"] = cert,
        ["CALLCENTER_DATA_PROTECTION_CERT_PASSWORD"] = "cert-pass",
        ["CALLCENTER_BOOTSTRAP_ADMIN"] = "root",
        ["CALLCENTER_BOOTSTRAP_PASSWORD"] = "First-admin-2026",
    };

    [Theory]
    [InlineData("CALLCENTER_CTI_KEY", "dev-cti-key")]
    [InlineData("CALLCENTER_CTI_KEY", "")]
    [InlineData("CALLCENTER_DEMO_PASSWORD", "demo123")]
    [InlineData("CALLCENTER_DATA_PROTECTION_CERT", "")]
    [InlineData("CALLCENTER_BOOTSTRAP_PASSWORD", "demo123")]
    public async Task A_default_secret_refuses_to_start_naming_the_setting(string setting, string value)
    {
        var settings = Proper(Certificate());
        settings[setting] = value;
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => { using var app = await AppHost.StartAsync(settings: settings); });
        var message = error.ToString();
        Assert.Contains("Production mode refuses to start", message);
        Assert.Contains(setting, message);
        Assert.DoesNotContain("First-admin-2026", message); // secrets are never printed
    }

    [Fact]
    public async Task With_proper_settings_it_starts_without_demo_data_and_the_bootstrap_admin_signs_in()
    {
        var settings = Proper(Certificate());
        using var app = await AppHost.StartAsync(settings: settings);
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await UsersApi.LoginAsync(client, "admin", "demo123")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UsersApi.LoginAsync(client, "agent1", AppHost.Password)).StatusCode);
        var root = await UsersApi.SignInAsync(app, "root", "First-admin-2026");
        var users = await root.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/users");
        Assert.Equal(["root"], users.EnumerateArray().Select(u => u.GetProperty("id").GetString()));

        await using var conn = new NpgsqlConnection(app.Database);
        await conn.OpenAsync();
        async Task<long> Count(string sql) { await using var cmd = new NpgsqlCommand(sql, conn); return (long)(await cmd.ExecuteScalarAsync())!; }
        Assert.Equal(0, await Count("select count(*) from customers"));
        Assert.Equal(0, await Count("select count(*) from announcements"));
        Assert.Equal(0, await Count("select count(*) from teams"));
        Assert.Equal(0, await Count("select count(*) from eventstore.events where stream_id like 'call-%' or stream_id like 'agent-%'"));
        Assert.True(await Count("select count(*) from reason_codes") > 0, "reference data is there");
        // Session keys are encrypted at rest with the certificate.
        Assert.Equal(0, await Count("select count(*) from data_protection_keys where xml not like '%encryptedSecret%'"));

        // The CTI key is the configured one, not the default.
        var cti = app.Anonymous();
        cti.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await cti.PostAsJsonAsync("/api/cti/events", Array.Empty<object>())).StatusCode);
    }

    [Fact]
    public async Task The_bootstrap_secret_works_once()
    {
        var settings = Proper(Certificate());
        string database;
        using (var first = await AppHost.StartAsync(settings: settings))
        {
            database = first.Database;
            var root = await UsersApi.SignInAsync(first, "root", "First-admin-2026");
            Assert.Equal(HttpStatusCode.NoContent, (await root.PostAsJsonAsync("/api/users/root/password", new { newPassword = "Changed-admin-2026" })).StatusCode);
        }
        using var second = await AppHost.StartAsync(database, settings);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UsersApi.LoginAsync(second.Anonymous(), "root", "First-admin-2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UsersApi.LoginAsync(second.Anonymous(), "root", "Changed-admin-2026")).StatusCode);
    }
}
