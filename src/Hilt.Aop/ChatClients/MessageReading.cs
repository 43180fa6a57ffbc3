using Microsoft.Extensions.AI;

namespace Hilt.Aop;

/// <summary>What <see cref="ChatMessageReader"/> found in a message list.</summary>
internal struct MessageReading
{
    public int Count { get; set; }
    public string? SystemText { get; set; }
    public string? FirstUserText { get; set; }
    public ChatMessage? NewestUser { get; set; }
    public string? PromptText { get; set; }
    public IReadOnlyList<object?>? Attachments { get; set; }
}
