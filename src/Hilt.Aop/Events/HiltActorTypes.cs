namespace Hilt.Aop;

/// <summary>The kinds of actor that can author a HILT event.</summary>
public static class HiltActorTypes
{
    /// <summary>A person.</summary>
    public const string Human = "human";

    /// <summary>A model or an AI agent.</summary>
    public const string Agent = "agent";

    /// <summary>A tool or function.</summary>
    public const string Tool = "tool";

    /// <summary>The application or the logging system itself.</summary>
    public const string System = "system";

    /// <summary>Gets every allowed actor type.</summary>
    public static IReadOnlyList<string> All { get; } = [Human, Agent, Tool, System];
}
