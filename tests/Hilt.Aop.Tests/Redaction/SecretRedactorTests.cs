using System.Text.Json;

namespace Hilt.Aop.Tests.Redaction;

public class SecretRedactorTests
{
    // Built at run time so no scanner mistakes the test file for a leaked key.
    private static readonly string OpenAiKey = "sk-" + "abcdEFGH1234ijklMNOP5678qrstUVWX90yzABCDEFghij";
    private static readonly string OpenAiProjectKey = "sk-" + "proj-" + "Zx9_aB3-cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5aB6cD7eF8gH9iJ0kL1mN2oP3";
    private static readonly string AnthropicKey = "sk-" + "ant-api03-" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGh-XyZ";
    private static readonly string GoogleKey = "AIza" + "SyD4f9Kx2LmN8pQr7StUv6WxYz0AbC1dEfG";
    private static readonly string JwtToken = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    private static readonly string PemKey =
        "-----BEGIN " + "PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nq9Xx0Secret0Material0Here\n-----END " + "PRIVATE KEY-----";

    public static TheoryData<string, string, string> Secrets => new()
    {
        { $"my key is {OpenAiKey}, please use it", OpenAiKey, "[REDACTED:openai_key]" },
        { $"OPENAI_API_KEY={OpenAiProjectKey}", OpenAiProjectKey, "[REDACTED:openai_key]" },
        { $"use {AnthropicKey} for claude", AnthropicKey, "[REDACTED:anthropic_key]" },
        { $"https://generativelanguage.googleapis.com/v1/models?key={GoogleKey}", GoogleKey, "[REDACTED:google_api_key]" },
        { $"curl -H 'Authorization: Bearer {JwtToken}' https://api.example.com", JwtToken, "[REDACTED:authorization]" },
        { $"the token was Bearer {JwtToken}.", JwtToken, "[REDACTED:bearer_token]" },
        { $"{{\"Authorization\": \"Basic dXNlcjpwYXNzd29yZDEyMw==\"}}", "dXNlcjpwYXNzd29yZDEyMw==", "[REDACTED:authorization]" },
        { $"headers: x-api-key: {AnthropicKey.Replace("sk-ant-", "k", StringComparison.Ordinal)}", AnthropicKey.Replace("sk-ant-", "k", StringComparison.Ordinal), "[REDACTED:api_key]" },
        { $"here is my key\n{PemKey}\nthanks", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", "[REDACTED:private_key]" },
        { "{\"client_secret\": \"GOCSPX-abcdefghijklmnop1234\", \"client_id\": \"42\"}", "GOCSPX-abcdefghijklmnop1234", "[REDACTED:client_secret]" },
        { "config {\"api_key\":\"k-123456789-abcdef\"}", "k-123456789-abcdef", "[REDACTED:api_key]" },
        { "Error: {\\\"headers\\\":{\\\"Authorization\\\":\\\"Basic c2VjcmV0OnBhc3M=\\\"}}", "c2VjcmV0OnBhc3M=", "[REDACTED:authorization]" },
        { $"truncated: -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAtruncatedSecret", "MIIEowIBAAKCAQEAtruncatedSecret", "[REDACTED:private_key]" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redact_SecretInPromptText_IsReplacedByMarker(string text, string secret, string marker)
    {
        var redacted = new SecretRedactor(redactMessages: true).Redact(Event(HiltActions.Prompt, text));

        Assert.DoesNotContain(secret, redacted.Content!.Text, StringComparison.Ordinal);
        Assert.Contains(marker, redacted.Content.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redact_SecretInErrorText_IsReplacedEvenWithMessageRedactionOff(string text, string secret, string marker)
    {
        var redacted = new SecretRedactor(redactMessages: false).Redact(Event(HiltActions.System, "Error: " + text));

        Assert.DoesNotContain(secret, redacted.Content!.Text, StringComparison.Ordinal);
        Assert.Contains(marker, redacted.Content.Text, StringComparison.Ordinal);
        Assert.StartsWith("Error: ", redacted.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactText_GoogleServiceAccountJson_HidesKeyAndKeyIdKeepsTheRest()
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = "acme-prod",
            ["private_key_id"] = "3f2b9c0d1e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c",
            ["private_key"] = PemKey + "\n",
            ["client_email"] = "logger@acme-prod.iam.gserviceaccount.com",
            ["client_id"] = "112233445566778899",
        });

        var plain = SecretRedactor.RedactText(json);
        var escaped = SecretRedactor.RedactText("Error: credentials " + JsonSerializer.Serialize(json) + " rejected");

        foreach (var redacted in new[] { plain, escaped })
        {
            Assert.DoesNotContain("3f2b9c0d1e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c", redacted, StringComparison.Ordinal);
            Assert.DoesNotContain("MIIEvQIBADANBg", redacted, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret0Material", redacted, StringComparison.Ordinal);
            Assert.Contains("logger@acme-prod.iam.gserviceaccount.com", redacted, StringComparison.Ordinal);
            Assert.Contains("[REDACTED:private_key_id]", redacted, StringComparison.Ordinal);
        }

        // Still valid JSON, with the secret fields replaced.
        using var document = JsonDocument.Parse(plain);
        Assert.Equal("[REDACTED:private_key]", document.RootElement.GetProperty("private_key").GetString());
        Assert.Equal("acme-prod", document.RootElement.GetProperty("project_id").GetString());
    }

    [Theory]
    [InlineData("run the task-runner with ask-me mode")]
    [InlineData("a risk-free desk-top plan; sk-learn is a library")]
    [InlineData("The bearer of this letter needs authorization: see below.")]
    [InlineData("Our private_key rotation policy is documented.")]
    [InlineData("AIza is a prefix, not a key")]
    [InlineData("")]
    public void RedactText_OrdinaryText_IsReturnedAsTheSameInstance(string text)
    {
        Assert.Same(text, SecretRedactor.RedactText(text));
    }

    [Fact]
    public void Redact_NothingToHide_ReturnsTheSameEventInstance()
    {
        var hiltEvent = new HiltEvent("id-1", DateTimeOffset.UnixEpoch, "conv_1", new HiltActor(HiltActorTypes.Human, "user", metadata: new Dictionary<string, object?> { ["team"] = "a" }), HiltActions.Prompt)
        {
            Content = new HiltContent("What is the capital of France? Ask the task-runner.")
            {
                Metadata = new Dictionary<string, object?> { ["n"] = 3, ["tags"] = new List<object?> { "x", "y" } },
                Images = ["image/png"],
            },
            Extensions = new Dictionary<string, object?> { [HiltExtensionKeys.Model] = "gpt-4o", ["raw"] = JsonDocument.Parse("""{"a":[1,"b"]}""").RootElement },
            Provenance = new Dictionary<string, object?> { ["app"] = "demo" },
        };

        Assert.Same(hiltEvent, new SecretRedactor(true).Redact(hiltEvent));
    }

    [Fact]
    public void Redact_NothingToHide_AllocatesNothing()
    {
        var hiltEvent = new HiltEvent("id-1", DateTimeOffset.UnixEpoch, "conv_1", new HiltActor(HiltActorTypes.Agent, "openai"), HiltActions.Completion)
        {
            Content = new HiltContent("Paris is the capital of France; the task-runner agrees.")
            {
                Metadata = new Dictionary<string, object?> { ["n"] = 3, ["nested"] = new Dictionary<string, object?> { ["k"] = "v" } },
            },
            Extensions = new Dictionary<string, object?> { [HiltExtensionKeys.Model] = "gpt-4o", [HiltExtensionKeys.StatusCode] = 200 },
        };
        var redactor = new SecretRedactor(true);
        redactor.Redact(hiltEvent);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = redactor.Redact(hiltEvent);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(hiltEvent, result);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Redact_MessageRedactionOff_LeavesPromptTextButRedactsMetadataAndExtensions()
    {
        var hiltEvent = new HiltEvent("id-1", DateTimeOffset.UnixEpoch, "conv_1", new HiltActor(HiltActorTypes.Human, "user"), HiltActions.Prompt)
        {
            Content = new HiltContent($"key {OpenAiKey}")
            {
                Metadata = new Dictionary<string, object?> { ["headers"] = new Dictionary<string, object?> { ["Authorization"] = $"Bearer {JwtToken}" } },
            },
            Extensions = new Dictionary<string, object?> { ["note"] = $"used {AnthropicKey}", [HiltExtensionKeys.Model] = "gpt-4o" },
        };

        var redacted = new SecretRedactor(redactMessages: false).Redact(hiltEvent);

        Assert.Contains(OpenAiKey, redacted.Content!.Text, StringComparison.Ordinal);
        var headers = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(redacted.Content.Metadata!["headers"]);
        Assert.Equal("Bearer [REDACTED:bearer_token]", headers["Authorization"]);
        Assert.Equal("used [REDACTED:anthropic_key]", redacted.GetExtension("note"));
        Assert.Equal("gpt-4o", redacted.GetExtension(HiltExtensionKeys.Model));
        Assert.Equal(hiltEvent.EventId, redacted.EventId);
    }

    [Fact]
    public void Redact_SecretInJsonElementExtension_IsRedactedAndStaysJson()
    {
        var raw = JsonDocument.Parse($$$"""{"request":{"headers":{"authorization":"Bearer {{{JwtToken}}}"}},"n":1}""").RootElement;
        var hiltEvent = Event(HiltActions.Completion, "fine").WithExtensions(new Dictionary<string, object?> { ["raw"] = raw });

        var redacted = new SecretRedactor(true).Redact(hiltEvent);

        var element = Assert.IsType<JsonElement>(redacted.GetExtension("raw"));
        Assert.DoesNotContain(JwtToken, element.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1, element.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Redact_SecretInActorMetadataAndProvenance_IsRedacted()
    {
        var hiltEvent = new HiltEvent("id", DateTimeOffset.UnixEpoch, "conv", new HiltActor(HiltActorTypes.Tool, "search", metadata: new Dictionary<string, object?> { ["key"] = GoogleKey }), HiltActions.ToolCall)
        {
            Provenance = new Dictionary<string, object?> { ["config"] = new List<object?> { "ok", $"token={OpenAiKey}" } },
        };

        var redacted = new SecretRedactor(true).Redact(hiltEvent);

        Assert.Equal("[REDACTED:google_api_key]", redacted.Actor.Metadata!["key"]);
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(redacted.Provenance!["config"]);
        Assert.Equal(new object?[] { "ok", "token=[REDACTED:openai_key]" }, list);
    }

    [Fact]
    public void RedactText_SeveralSecretsAmongLookAlikes_EachIsReplacedAndTheRestKept()
    {
        var text = $"task-runner ask-me {OpenAiKey} the bearer of news; key={GoogleKey}; Bearer {JwtToken} end";

        var redacted = SecretRedactor.RedactText(text);

        Assert.Equal("task-runner ask-me [REDACTED:openai_key] the bearer of news; key=[REDACTED:google_api_key]; Bearer [REDACTED:bearer_token] end", redacted);
    }

    [Fact]
    public void RedactText_HeaderInEscapedJson_KeepsTheEscapes()
    {
        var text = "{\\\"Authorization\\\":\\\"Bearer abcdefghijklmnopqrstuvwxyz\\\"}";

        Assert.Equal("{\\\"Authorization\\\":\\\"[REDACTED:authorization]\\\"}", SecretRedactor.RedactText(text));
    }

    [Fact]
    public void RedactText_LargeCleanText_StaysFast()
    {
        var text = string.Concat(Enumerable.Repeat("lorem ipsum task-runner dolor ", 300_000));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        var redacted = SecretRedactor.RedactText(text);

        Assert.Same(text, redacted);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    private static HiltEvent Event(string action, string text) =>
        new("0193a6f0-0000-7000-8000-000000000001", DateTimeOffset.UnixEpoch, "conv_1", new HiltActor(action == HiltActions.Prompt ? HiltActorTypes.Human : HiltActorTypes.System, "openai"), action)
        {
            Content = new HiltContent(text),
        };
}
