using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace CallCenter.Infrastructure.Auth;

/// <summary>
/// The data-protection keys (they sign and encrypt the session cookie) are encrypted at rest in PostgreSQL with a
/// certificate (decision 0020): CALLCENTER_DATA_PROTECTION_CERT (a PFX file) and CALLCENTER_DATA_PROTECTION_CERT_PASSWORD in production. Without
/// them (the demo and the tests) a self-signed certificate is generated once into .data/dataprotection.pfx (or
/// CALLCENTER_DATA_DIR) and reused: the keys are still encrypted in the database, the file is the secret to guard.
/// </summary>
public static class DataProtectionKeys
{
    public static void ProtectKeysAtRest(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var cert = config["CALLCENTER_DATA_PROTECTION_CERT"] is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(path, config["CALLCENTER_DATA_PROTECTION_CERT_PASSWORD"], X509KeyStorageFlags.EphemeralKeySet)
            : DemoCertificate(config["CALLCENTER_DATA_DIR"] is { Length: > 0 } dir ? dir
                : Path.Combine(builder.Environment.ContentRootPath, "..", "..", ".data"));
        builder.Services.AddDataProtection().ProtectKeysWithCertificate(cert).UnprotectKeysWithAnyCertificate(cert);
    }

    static X509Certificate2 DemoCertificate(string directory)
    {
        var file = Path.Combine(Path.GetFullPath(directory), "dataprotection.pfx");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=CallCenter data protection (demo)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(20));
            var temp = file + "." + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(temp, created.Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try { File.Move(temp, file); } catch (IOException) { File.Delete(temp); } // another host made it first
        }
        return X509CertificateLoader.LoadPkcs12FromFile(file, null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
