namespace Hilt.Aop.OpenAI;

/// <summary>What a prompt event records of a request: the newest user message's text and its images.</summary>
/// <param name="Text">The text parts, joined by new lines; <see langword="null"/> when there is no user message.</param>
/// <param name="Images">A description of each image (kind and media type, never the bytes), or <see langword="null"/>.</param>
internal sealed record OpenAIPrompt(string? Text, IReadOnlyList<object?>? Images);
