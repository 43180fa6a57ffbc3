using OpenAI.Chat;

namespace Hilt.Aop.OpenAI.Tests;

public sealed class OpenAIChatReaderTests
{
    [Fact]
    public void ReadRequest_DataUriImage_BytesKindWithMediaTypeAndNoData()
    {
        const string data = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        var message = new UserChatMessage(
            ChatMessageContentPart.CreateTextPart("Describe it."),
            ChatMessageContentPart.CreateImagePart(new Uri("data:image/png;base64," + data)));

        var request = OpenAIChatReader.ReadRequest([message], "gpt-4o-mini", default);

        Assert.Equal("Describe it.", request.PromptText);
        var image = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Assert.Single(request.Images!));
        Assert.Equal("bytes", image["kind"]);
        Assert.Equal("image/png", image["media_type"]);
        Assert.DoesNotContain(image.Values, v => v?.ToString()?.Contains(data[..20], StringComparison.Ordinal) == true);
    }

    [Fact]
    public void ReadRequest_ListHistory_NewestUserMessageCountAndFingerprintOfOpening()
    {
        List<ChatMessage> history =
        [
            new SystemChatMessage("Be brief."),
            new UserChatMessage("Capital of France?"),
            new AssistantChatMessage("Paris."),
            new UserChatMessage("And of Italy?"),
        ];

        var request = OpenAIChatReader.ReadRequest(history, "gpt-4o-mini", default);
        var firstTurn = OpenAIChatReader.ReadRequest([new SystemChatMessage("Be brief."), new UserChatMessage("Capital of France?")], "gpt-4o-mini", default);

        Assert.Equal("And of Italy?", request.PromptText);
        Assert.Equal(4, request.MessageCount);
        Assert.Equal("openai", request.Provider);
        Assert.Equal("gpt-4o-mini", request.RequestModel);
        Assert.NotNull(request.HistoryFingerprint);
        Assert.Equal(firstTurn.HistoryFingerprint, request.HistoryFingerprint);
    }

    [Fact]
    public void ReadRequest_LazySequence_IsNotEnumeratedBehindTheCallersBack()
    {
        var enumerations = 0;
        IEnumerable<ChatMessage> History()
        {
            enumerations++;
            yield return new UserChatMessage("Capital of France?");
        }

        var request = OpenAIChatReader.ReadRequest(History(), "gpt-4o-mini", default);

        // The SDK enumerates the caller's sequence once; a second pass could repeat its side effects.
        Assert.Equal(0, enumerations);
        Assert.Null(request.PromptText);
        Assert.Equal("gpt-4o-mini", request.RequestModel);
    }

    [Fact]
    public void ReadRequest_NoUserMessage_NoPromptText()
    {
        var request = OpenAIChatReader.ReadRequest([new SystemChatMessage("Only instructions.")], null, default);

        Assert.Null(request.PromptText);
        Assert.Null(request.Images);
    }

    [Fact]
    public void Classify_ClientResultExceptionWithoutResponse_ConnectionError()
    {
        var exception = new System.ClientModel.ClientResultException("Connection refused", response: null, innerException: new HttpRequestException("refused"));

        Assert.Equal((503, "connection_error"), OpenAIErrors.Classify(exception, callerCancelled: false));
    }

    [Fact]
    public void Classify_CancellationWithCallerTokenFired_Cancelled_ElseTimeout()
    {
        Assert.Equal((499, "cancelled"), OpenAIErrors.Classify(new TaskCanceledException(), callerCancelled: true));
        Assert.Equal((408, "timeout"), OpenAIErrors.Classify(new TaskCanceledException(), callerCancelled: false));
        Assert.Equal((500, "api_error"), OpenAIErrors.Classify(new InvalidOperationException(), callerCancelled: false));
    }
}
