namespace Hilt.Aop.OpenAI;

/// <summary>A function the model asked to call: logged as one <c>tool_call</c> event.</summary>
/// <param name="Id">The provider's id of the call.</param>
/// <param name="Name">The function name.</param>
/// <param name="Arguments">The arguments, as the JSON text the model wrote.</param>
internal sealed record OpenAIToolCall(string? Id, string? Name, string? Arguments);
