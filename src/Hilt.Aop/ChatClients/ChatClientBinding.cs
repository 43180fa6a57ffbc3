using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Hilt.Aop;

/// <summary>Reads <see cref="IChatClient"/> calls: arguments <c>(messages, options, cancellationToken)</c>, a <see cref="ChatResponse"/> or a stream of <see cref="ChatResponseUpdate"/>.</summary>
/// <remarks>The provider comes from the client's <see cref="ChatClientMetadata"/>, asked once per client instance.</remarks>
internal sealed class ChatClientBinding(bool streaming) : HiltChatCallBinding
{
    private readonly ConditionalWeakTable<object, ClientInfo> _clients = new();

    public override bool IsStreaming => streaming;

    public override HiltChatRequest ReadRequest(object? target, object?[] arguments) =>
        Read(target, arguments[0] as IEnumerable<ChatMessage>, arguments[1] as ChatOptions, arguments[2] is CancellationToken token ? token : default);

    public HiltChatRequest Read(object? target, IEnumerable<ChatMessage>? messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var client = target is null ? ClientInfo.None : _clients.GetValue(target, static t => ClientInfo.Of(t));
        var reading = ChatMessageReader.Read(messages);
        return new HiltChatRequest
        {
            PromptText = reading.PromptText,
            Images = reading.Attachments,
            ConversationKey = options?.ConversationId,
            RequestModel = options?.ModelId ?? client.DefaultModel,
            Provider = client.Provider,
            HistoryFingerprint = HiltHistoryFingerprint.Compute(reading.SystemText ?? options?.Instructions, reading.FirstUserText),
            MessageCount = Math.Max(1, reading.Count),
            CancellationToken = cancellationToken,
        };
    }

    public override HiltChatResponse? ReadResponse(object? result) => result is ChatResponse response ? Read(response) : null;

    public static HiltChatResponse Read(ChatResponse response)
    {
        List<HiltToolCall>? toolCalls = null;
        foreach (var message in response.Messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionCallContent call)
                {
                    (toolCalls ??= []).Add(ChatMessageReader.ToToolCall(call));
                }
            }
        }

        var text = response.Text;
        return new HiltChatResponse
        {
            Text = text.Length == 0 && toolCalls is not null ? null : text,
            ToolCalls = toolCalls,
            Tokens = ChatMessageReader.ToTokens(response.Usage),
            Model = response.ModelId,
            FinishReason = response.FinishReason?.Value,
            ResponseId = response.ResponseId,
        };
    }

    public override HiltStreamUpdate? ReadStreamItem(object? item)
    {
        if (item is not ChatResponseUpdate update)
        {
            return null;
        }

        HiltTokens? tokens = null;
        List<HiltToolCall>? toolCalls = null;
        foreach (var content in update.Contents)
        {
            switch (content)
            {
                case UsageContent usage:
                    tokens = ChatMessageReader.ToTokens(usage.Details);
                    break;
                case FunctionCallContent call:
                    (toolCalls ??= []).Add(ChatMessageReader.ToToolCall(call));
                    break;
            }
        }

        var text = update.Text;
        return new HiltStreamUpdate
        {
            TextDelta = text.Length == 0 ? null : text,
            Tokens = tokens,
            ToolCalls = toolCalls,
            Model = update.ModelId,
            FinishReason = update.FinishReason?.Value,
            ResponseId = update.ResponseId,
        };
    }

    private sealed class ClientInfo(string? provider, string? defaultModel)
    {
        public static readonly ClientInfo None = new(null, null);

        public string? Provider { get; } = provider;

        public string? DefaultModel { get; } = defaultModel;

        public static ClientInfo Of(object target)
        {
            var metadata = (target as IChatClient)?.GetService(typeof(ChatClientMetadata)) as ChatClientMetadata;
            return new ClientInfo(metadata?.ProviderName, metadata?.DefaultModelId);
        }
    }
}
