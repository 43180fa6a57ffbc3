namespace Hilt.Aop;

/// <summary>What <see cref="HiltJsonlReader"/> read from a HILT JSONL file.</summary>
public sealed class HiltJsonlReadResult
{
    /// <summary>Initializes a new instance of the <see cref="HiltJsonlReadResult"/> class.</summary>
    /// <param name="events">The events, in file order.</param>
    /// <param name="tornLineNumber">The 1-based number of a torn last line, or <see langword="null"/> when there is none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    internal HiltJsonlReadResult(IReadOnlyList<HiltEvent> events, int? tornLineNumber)
    {
        Events = Throw.IfNull(events);
        TornLineNumber = tornLineNumber;
    }

    /// <summary>Gets the events, in file order.</summary>
    public IReadOnlyList<HiltEvent> Events { get; }

    /// <summary>Gets a value indicating whether the file ends in a line cut short (a writer stopped mid-line); it is not in <see cref="Events"/>.</summary>
    public bool HasTornLastLine => TornLineNumber is not null;

    /// <summary>Gets the 1-based line number of the torn last line, or <see langword="null"/> when there is none.</summary>
    public int? TornLineNumber { get; }
}
