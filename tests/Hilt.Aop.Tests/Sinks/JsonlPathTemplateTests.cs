namespace Hilt.Aop.Tests.Sinks;

public class JsonlPathTemplateTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("tenant-42_eu.west")]
    public void SanitizeTenant_SafeName_IsKept(string tenant) =>
        Assert.Equal(tenant, JsonlPathTemplate.SanitizeTenant(tenant, "_default"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void SanitizeTenant_Missing_UsesTheFallback(string? tenant) =>
        Assert.Equal("_default", JsonlPathTemplate.SanitizeTenant(tenant, "_default"));

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../../etc/x")]
    [InlineData("..\\..\\windows")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\temp")]
    [InlineData("a\0b")]
    [InlineData("CON")]
    [InlineData("nul.txt")]
    [InlineData("com1")]
    [InlineData(".hidden")]
    [InlineData("trailing.")]
    [InlineData("ünïcödé")]
    public void SanitizeTenant_UnsafeName_BecomesOnePlainSegment(string tenant)
    {
        var name = JsonlPathTemplate.SanitizeTenant(tenant, "_default");

        Assert.NotEqual(tenant, name);
        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('\\', name);
        Assert.DoesNotContain(':', name);
        Assert.DoesNotContain('\0', name);
        Assert.False(name.StartsWith('.'));
        Assert.False(name.EndsWith('.'));
        Assert.All(name, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));
    }

    [Fact]
    public void SanitizeTenant_VeryLongName_IsCutToALegalLength()
    {
        var name = JsonlPathTemplate.SanitizeTenant(new string('a', 5000), "_default");
        Assert.True(name.Length <= 64);
        Assert.NotEqual(name, JsonlPathTemplate.SanitizeTenant(new string('a', 4999), "_default"));
    }

    [Fact]
    public void SanitizeTenant_NamesThatLookAlikeAfterCleaning_StayApart() =>
        Assert.NotEqual(JsonlPathTemplate.SanitizeTenant("a/b", "_d"), JsonlPathTemplate.SanitizeTenant("a\\b", "_d"));

    [Fact]
    public void Resolve_TenantInTheFileName_StaysInTheFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "hilt-template");
        var template = new JsonlPathTemplate(Path.Combine(root, "chat-{tenant}.jsonl"), "_default");

        Assert.Equal(root, template.Root);
        Assert.Equal(Path.Combine(root, "chat-acme.jsonl"), template.Resolve("acme"));
        Assert.Equal(root, Path.GetDirectoryName(template.Resolve("../../../x")));
        Assert.Equal(Path.Combine(root, "chat-_default.jsonl"), template.Resolve(null));
    }

    [Theory]
    [InlineData("/l/chat.jsonl", null, 0, "/l/chat.jsonl")]
    [InlineData("/l/chat.jsonl", "2026-12-04", 0, "/l/chat-2026-12-04.jsonl")]
    [InlineData("/l/chat.jsonl", null, 2, "/l/chat_002.jsonl")]
    [InlineData("/l/chat.jsonl", "2026-12-04", 1, "/l/chat-2026-12-04_001.jsonl")]
    [InlineData("/l/chat", "2026-12-04", 0, "/l/chat-2026-12-04")]
    public void RollPath_InsertsSuffixesBeforeTheExtension(string path, string? date, int sequence, string expected) =>
        Assert.Equal(expected, JsonlPathTemplate.RollPath(path, date, sequence));
}
