namespace Hilt.Aop.Reliability.Tests;

/// <summary>Reads back what JSONL sinks left in a folder.</summary>
internal static class JsonlFiles
{
    /// <summary>Reads every <c>*.jsonl</c> file under <paramref name="folder"/>; the reader throws on a bad line in the middle of a file.</summary>
    public static IReadOnlyList<(string Path, HiltJsonlReadResult Result)> ReadAll(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(p => (p, HiltJsonlReader.ReadFile(p))).ToList()
            : [];

    /// <summary>Reads every file and returns all events, asserting that no file ends in a torn line.</summary>
    public static List<HiltEvent> ReadAllWhole(string folder)
    {
        var events = new List<HiltEvent>();
        foreach (var (path, result) in ReadAll(folder))
        {
            Assert.False(result.HasTornLastLine, $"{path} ends in a torn line (line {result.TornLineNumber}).");
            events.AddRange(result.Events);
        }

        return events;
    }
}
