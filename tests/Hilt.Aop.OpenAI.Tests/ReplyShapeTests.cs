using Hilt.Aop.Testing;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI.Tests;

public sealed class ReplyShapeTests
{
    [Fact]
    public async Task CompleteChat_TwoChoices_CompletionHoldsBothTexts()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Choices(["Paris.", "It is Paris."]));

        var result = await bed.DropIn().CompleteChatAsync([new UserChatMessage("Capital of France?")]);

        Assert.Equal("Paris.", result.Value.Content[0].Text); // the SDK shows the first choice only
        var (_, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Contains("Paris.", completion.Content?.Text, StringComparison.Ordinal);
        Assert.Contains("It is Paris.", completion.Content?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteChat_ToolCallOnlyReply_OneToolCallEventPerCallAndNoNoneText()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.ToolCalls(("get_weather", """{"city":"Paris"}"""), ("get_time", """{"tz":"CET"}""")));

        var result = bed.DropIn().CompleteChat([new UserChatMessage("Weather and time in Paris?")]);

        Assert.Equal(2, result.Value.ToolCalls.Count);
        Assert.Equal(4, bed.Events.Count);
        var completion = bed.Single(HiltActions.Completion);
        Assert.Null(completion.Content?.Text);
        Assert.Equal("tool_calls", completion.GetExtension(HiltExtensionKeys.FinishReason));
        var calls = bed.Events.Where(e => e.Action == HiltActions.ToolCall).ToList();
        Assert.Equal(["get_weather", "get_time"], calls.Select(c => c.Content?.Text));
        Assert.Equal("""{"city":"Paris"}""", calls[0].Content?.Extra?["arguments"]);
        Assert.Equal("call_fake1", calls[0].Content?.Extra?["call_id"]);
        Assert.All(calls, c => Assert.Equal(completion.EventId, c.GetExtension(HiltExtensionKeys.ReplyTo)));
        Assert.DoesNotContain(bed.Events, e => e.Content?.Text == "None");
    }

    [Fact]
    public async Task CompleteChat_Refusal_CompletionTextIsTheRefusal()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Refusal("I can't help with that."));

        var result = bed.DropIn().CompleteChat([new UserChatMessage("Something forbidden")]);

        Assert.Equal("I can't help with that.", result.Value.Refusal);
        var (_, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Equal("I can't help with that.", completion.Content?.Text);
    }

    [Fact]
    public async Task CompleteChat_MultiPartUserMessageWithImages_TextPartsAndImageKindsWithoutBytes()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4 };
        var message = new UserChatMessage(
            ChatMessageContentPart.CreateTextPart("What is in this picture?"),
            ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(png), "image/png"),
            ChatMessageContentPart.CreateImagePart(new Uri("https://img.example/cat.jpg?sig=secret-token")),
            ChatMessageContentPart.CreateTextPart("Answer briefly."));

        await bed.DropIn().CompleteChatAsync([new UserChatMessage("Hello"), new AssistantChatMessage("Hi!"), message]);

        var prompt = bed.Single(HiltActions.Prompt);
        Assert.Equal("What is in this picture?\nAnswer briefly.", prompt.Content?.Text);
        var images = prompt.Content?.Images;
        Assert.NotNull(images);
        Assert.Equal(2, images.Count);
        var bytes = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(images[0]);
        Assert.Equal("bytes", bytes["kind"]);
        Assert.Equal("image/png", bytes["media_type"]);
        var uri = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(images[1]);
        Assert.Equal("uri", uri["kind"]);
        Assert.Equal("https://img.example/cat.jpg", uri["uri"]);
        var base64 = Convert.ToBase64String(png);
        Assert.DoesNotContain(images.SelectMany(i => ((IReadOnlyDictionary<string, object?>)i!).Values), v => v?.ToString()?.Contains(base64, StringComparison.Ordinal) == true || v?.ToString()?.Contains("secret", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task CompleteChat_GrowingHistory_SecondPromptRepliesToFirstCompletionInOneConversation()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var client = bed.DropIn();
        List<ChatMessage> history = [new SystemChatMessage("Be brief."), new UserChatMessage("Capital of France?")];

        var first = await client.CompleteChatAsync(history);
        history.Add(new AssistantChatMessage(first.Value));
        history.Add(new UserChatMessage("And of Italy?"));
        await client.CompleteChatAsync(history);

        var events = bed.Events;
        Assert.Equal(4, events.Count);
        Assert.Single(events.Select(e => e.SessionId).Distinct());
        Assert.Equal("And of Italy?", events[2].Content?.Text);
        Assert.Equal(events[1].EventId, events[2].GetExtension(HiltExtensionKeys.ReplyTo));
    }
}
