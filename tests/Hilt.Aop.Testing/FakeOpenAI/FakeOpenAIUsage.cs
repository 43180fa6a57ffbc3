namespace Hilt.Aop.Testing;

/// <summary>The usage block the fake OpenAI server reports.</summary>
public sealed record FakeOpenAIUsage(int Prompt = 15, int Completion = 87, int Cached = 4, int Reasoning = 2)
{
    public int Total => Prompt + Completion;
}
