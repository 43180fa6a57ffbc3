using System.ClientModel.Primitives;

namespace Hilt.Aop.OpenAI.Tests;

/// <summary>The SDK's retry policy with a 10 ms back-off, so retry tests stay fast.</summary>
internal sealed class FastRetryPolicy(int maxRetries) : ClientRetryPolicy(maxRetries)
{
    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount) => TimeSpan.FromMilliseconds(10);
}
