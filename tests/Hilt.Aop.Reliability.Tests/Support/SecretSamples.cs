namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// Fake credentials in the shapes the default redactor must catch. Each has a <c>Marker</c>: a piece of the
/// secret that must never appear in any sink's output or in any diagnostic.
/// </summary>
internal static class SecretSamples
{
    public const string OpenAiKeyBody = "Zq8wXv3Lk9PmR2tY7uB4nC6dE1fG5hJ0aS";

    public const string ProjectKeyBody = "Qw4Er5Ty6Ui7Op8As9Df0Gh1Jk2Lz3Xc4Vb5Nm6Qw7Er8";

    public const string AnthropicKeyBody = "Mn7Bv6Cx5Zl4Kj3Hg2Fd1Sa0Po9Iu8Yt7Re6Wq5Ab";

    public const string BearerBody = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlX3BhcnRfbG9uZw";

    public const string PrivateKeyBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";

    public const string PrivateKeyId = "4f1c2b9e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c";

    /// <summary>Gets a Google service-account credential file, as a user might paste it.</summary>
    public static string ServiceAccountJson { get; } =
        "{\"type\":\"service_account\",\"project_id\":\"demo-project\",\"private_key_id\":\"" + PrivateKeyId + "\"," +
        "\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n" + PrivateKeyBody + "\\n-----END PRIVATE KEY-----\\n\"," +
        "\"client_email\":\"logger@demo-project.iam.gserviceaccount.com\",\"client_id\":\"109876543210987654321\"," +
        "\"token_uri\":\"https://oauth2.googleapis.com/token\"}";

    /// <summary>Gets every case: a name, a text that carries the secret, and the marker that must not leak.</summary>
    public static IReadOnlyList<(string Name, string Text, string Marker)> All { get; } =
    [
        ("openai key", $"my key is sk-{OpenAiKeyBody} please keep it", OpenAiKeyBody),
        ("openai project key", $"use sk-proj-{ProjectKeyBody} for this", ProjectKeyBody),
        ("anthropic key", $"ANTHROPIC_API_KEY=sk-ant-api03-{AnthropicKeyBody}", AnthropicKeyBody),
        ("bearer token", $"Authorization: Bearer {BearerBody}", BearerBody),
        ("pem private key", $"-----BEGIN PRIVATE KEY-----\n{PrivateKeyBody}\n-----END PRIVATE KEY-----\n", PrivateKeyBody),
        ("service account json", ServiceAccountJson, PrivateKeyBody),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _, _) in All)
        {
            data.Add(name);
        }

        return data;
    }

    public static (string Name, string Text, string Marker) Get(string name) => All.Single(s => s.Name == name);

    /// <summary>Asserts that no marker of any sample appears in <paramref name="output"/>.</summary>
    public static void AssertNoneLeaked(string output, string where)
    {
        foreach (var (name, _, marker) in All)
        {
            Assert.False(output.Contains(marker, StringComparison.Ordinal), $"The {name} leaked into {where}.");
        }

        Assert.DoesNotContain(PrivateKeyId, output, StringComparison.Ordinal);
    }
}
