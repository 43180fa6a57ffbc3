using System.Runtime.CompilerServices;

namespace Hilt.Aop.OpenAI;

/// <summary>The tries of one call, counted by <see cref="RetryCountingPolicy"/>, and the counter it replaced on the async flow.</summary>
/// <param name="Tries">The number of tries so far.</param>
/// <param name="Previous">The counter of an enclosing call, restored when this one ends.</param>
internal sealed record RetryCounter(StrongBox<int> Tries, StrongBox<int>? Previous);
