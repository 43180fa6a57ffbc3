namespace Hilt.Aop.OpenAI;

/// <summary>A stream item of Hilt's own: the HTTP status of a streamed response, reported when the stream ends.</summary>
/// <param name="StatusCode">The status.</param>
internal sealed record OpenAIStreamStatus(int StatusCode);
