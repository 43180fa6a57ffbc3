using System.ClientModel;
using Hilt.Aop.Testing;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI.Tests;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("drop-in")]
    [InlineData("adapter")]
    public async Task ErrorBodyEchoingTheApiKey_NeverReachesTheLogFile(string kind)
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");
        await using var bed = await OpenAITestBed.StartAsync(new HiltOptions().WriteToJsonl(path));
        bed.Server.Enqueue(FakeOpenAIReplies.EchoAuthorization(401));

        var thrown = await Assert.ThrowsAsync<ClientResultException>(() => kind == "drop-in"
            ? bed.DropIn().CompleteChatAsync([new UserChatMessage("Capital of France?")])
            : bed.Adapter().CompleteChatAsync([new UserChatMessage("Capital of France?")]));
        await bed.Recorder.DisposeAsync();

        // The caller's exception is untouched: it still carries what the service said.
        Assert.Contains(FakeOpenAIServer.ApiKey, thrown.Message, StringComparison.Ordinal);
        var log = await File.ReadAllTextAsync(path);
        Assert.Contains("\"status_code\":401", log, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided", log, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeOpenAIServer.ApiKey, log, StringComparison.Ordinal);
        Assert.DoesNotContain("FAKEabcdefghijklmnop", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer sk-", log, StringComparison.Ordinal);
    }
}
