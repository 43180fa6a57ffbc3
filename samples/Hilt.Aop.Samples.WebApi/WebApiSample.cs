using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Hilt.Aop.Samples.WebApi;

/// <summary>
/// A minimal API where every request runs in its own Hilt session: the conversation comes from the
/// <c>X-Conversation-Id</c> header, the tenant from <c>X-Tenant</c>, and each tenant logs to its own file.
/// </summary>
public static class WebApiSample
{
    public static WebApplication Build(string logFolder, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        builder.Services.AddSingleton(_ => new HiltRecorder(
            new HiltOptions().WriteToJsonl(Path.Combine(Path.GetFullPath(logFolder), "{tenant}", "chat.jsonl"))));
        builder.Services.AddSingleton(services =>
            new OfflineChatClient().AsBuilder().UseHilt(services.GetRequiredService<HiltRecorder>()).Build(services));

        var app = builder.Build();

        // One session per request: everything awaited inside the request logs under it.
        app.Use(async (context, next) =>
        {
            var session = new HiltSession
            {
                ConversationKey = context.Request.Headers["X-Conversation-Id"].FirstOrDefault(),
                Tenant = context.Request.Headers["X-Tenant"].FirstOrDefault() ?? "public",
                User = context.Request.Headers["X-User"].FirstOrDefault(),
            };
            using (HiltScope.Begin(session))
            {
                await next(context);
            }
        });

        app.MapPost("/ask", async (AskRequest request, IChatClient chat) =>
        {
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, request.Question)]);
            return Results.Ok(new { answer = response.Text });
        });

        return app;
    }
}
