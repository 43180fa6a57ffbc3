using Hilt.Aop.Samples.Privacy;
using Hilt.Aop.Testing;

namespace Hilt.Aop.Samples.Tests;

public class PrivacySampleTests
{
    [Fact]
    public async Task RunAsync_ColumnsWithoutMessage_LeaveNoMessageTextInTheFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("privacy.jsonl");

        Assert.Equal(0, await PrivacySample.RunAsync(path, new StringWriter()));

        var text = File.ReadAllText(path);
        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain("capital", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Paris", text);
        Assert.DoesNotContain("4111", text);
        foreach (var line in lines)
        {
            using var row = System.Text.Json.JsonDocument.Parse(line);
            Assert.Equal(PrivacySample.Columns, row.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        }
    }
}
