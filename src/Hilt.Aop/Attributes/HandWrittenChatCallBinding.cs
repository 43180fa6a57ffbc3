using System.Globalization;

namespace Hilt.Aop;

/// <summary>Reads a hand-written chat method's calls: positions of the prompt, conversation key and token found once.</summary>
internal sealed class HandWrittenChatCallBinding(
    int promptIndex,
    int conversationIndex,
    int tokenIndex,
    bool streaming,
    string provider,
    string? model) : HiltChatCallBinding
{
    public override bool IsStreaming => streaming;

    public override HiltChatRequest ReadRequest(object? target, object?[] arguments) => new()
    {
        PromptText = promptIndex >= 0 ? AsText(arguments[promptIndex]) : null,
        ConversationKey = conversationIndex >= 0 ? AsText(arguments[conversationIndex]) : null,
        CancellationToken = tokenIndex >= 0 && arguments[tokenIndex] is CancellationToken token ? token : default,
        RequestModel = model,
        Provider = provider,
    };

    public override HiltChatResponse? ReadResponse(object? result) => result switch
    {
        string text => new HiltChatResponse { Text = text },
        IHiltChatResult chat => new HiltChatResponse { Text = chat.Text, Tokens = chat.Tokens, Model = chat.Model },
        _ => null,
    };

    public override HiltStreamUpdate? ReadStreamItem(object? item) => item switch
    {
        string text => new HiltStreamUpdate { TextDelta = text },
        IHiltChatResult chat => new HiltStreamUpdate { TextDelta = chat.Text, Tokens = chat.Tokens, Model = chat.Model },
        _ => null,
    };

    private static string? AsText(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
