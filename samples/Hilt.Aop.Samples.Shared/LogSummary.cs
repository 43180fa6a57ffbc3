using Hilt.Aop;

namespace Hilt.Aop.Samples;

/// <summary>Reads the log back with the HILT reader and prints what it holds.</summary>
public static class LogSummary
{
    public static void Print(string logPath, TextWriter output)
    {
        var events = HiltJsonlReader.ReadFile(logPath).Events;
        var completions = events.Where(e => e.Action == HiltActions.Completion).ToList();
        var tokens = completions.Sum(e => (e.Metrics?.Tokens?.Prompt ?? 0) + (e.Metrics?.Tokens?.Completion ?? 0));
        var cost = completions.Sum(e => e.Metrics?.CostUsd ?? 0m);
        var errors = events.Count(e => e.Action == HiltActions.System);
        var conversations = events.Select(e => e.SessionId).Distinct().Count();

        output.WriteLine();
        output.WriteLine($"Logged {events.Count} events ({completions.Count} completions, {errors} error) in {conversations} conversations.");
        output.WriteLine($"Tokens: {tokens}, cost: ${cost} (USD)");
        output.WriteLine($"File: {logPath}");
    }
}
