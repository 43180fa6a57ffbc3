using System.Security.Cryptography;

namespace Hilt.Aop.GoogleSheets.Tests;

/// <summary>RSA keys for the fake service account: generated once per run (2048-bit generation is slow), imported per test.</summary>
internal static class TestKeys
{
    private static readonly Lazy<string> SharedPem = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    });

    private static readonly Lazy<string> OtherPem = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    });

    /// <summary>The service account's key.</summary>
    public static RSA Create() => Import(SharedPem.Value);

    /// <summary>A different key, which the fake token endpoint refuses.</summary>
    public static RSA CreateOther() => Import(OtherPem.Value);

    private static RSA Import(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }
}
