using System.Net.Http.Json;
using Hilt.Aop.Samples.WebApi;
using Hilt.Aop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hilt.Aop.Samples.Tests;

public class WebApiSampleTests
{
    [Fact]
    public async Task Ask_EachRequest_LogsUnderItsOwnTenantAndConversation()
    {
        using var folder = new TempFolder();
        await using var app = WebApiSample.Build(folder.Path, ["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(10) };
            foreach (var (tenant, ticket) in new[] { ("acme", "ticket-1"), ("globex", "ticket-2"), ("acme", "ticket-3") })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/ask") { Content = JsonContent.Create(new AskRequest("What is the capital of France?")) };
                request.Headers.Add("X-Tenant", tenant);
                request.Headers.Add("X-Conversation-Id", ticket);
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
            }

            await app.Services.GetRequiredService<HiltRecorder>().FlushAsync();
        }
        finally
        {
            await app.StopAsync();
        }

        var acme = HiltJsonlReader.ReadFile(Path.Combine(folder.Path, "acme", "chat.jsonl")).Events;
        var globex = HiltJsonlReader.ReadFile(Path.Combine(folder.Path, "globex", "chat.jsonl")).Events;

        Assert.Equal(4, acme.Count);
        Assert.Equal(2, globex.Count);
        Assert.All(acme, e => Assert.Equal("acme", e.GetExtension(HiltExtensionKeys.Tenant)));
        Assert.Equal(
            new[] { HiltConversationId.FromKey("ticket-1"), HiltConversationId.FromKey("ticket-3") }.Order(),
            acme.Select(e => e.SessionId).Distinct().Order());
        Assert.All(globex, e => Assert.Equal(HiltConversationId.FromKey("ticket-2"), e.SessionId));
    }
}
