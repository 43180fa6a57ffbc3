using Hilt.Aop.Samples.Autofac;
using Hilt.Aop.Testing;

namespace Hilt.Aop.Samples.Tests;

public class AutofacSampleTests
{
    [Fact]
    public async Task RunAsync_TwoTenantScopes_LogsEachTenantsCallsUnderItsSession()
    {
        using var folder = new TempFolder();
        var path = folder.File("autofac.jsonl");

        Assert.Equal(0, await AutofacSample.RunAsync(path, new StringWriter()));

        var events = HiltJsonlReader.ReadFile(path).Events;

        // Per tenant: an asked and a streamed call, two events each; the non-chat method writes nothing.
        Assert.Equal(8, events.Count);
        foreach (var tenant in new[] { "acme", "globex" })
        {
            var mine = events.Where(e => (string?)e.GetExtension(HiltExtensionKeys.Tenant) == tenant).ToList();
            Assert.Equal(4, mine.Count);
            Assert.Equal(HiltConversationId.FromKey($"{tenant}-ticket-1"), Assert.Single(mine.Select(e => e.SessionId).Distinct()));
            Assert.All(mine, e => Assert.Equal("support", e.GetExtension(HiltExtensionKeys.Session)));
        }

        Assert.Contains(events, e => e.Action == HiltActions.Completion && e.Content?.Text?.Contains("Orsay") == true);
    }
}
