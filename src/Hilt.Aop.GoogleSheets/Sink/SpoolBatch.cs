namespace Hilt.Aop.GoogleSheets;

/// <summary>Rows read from the spool, and the file offset just past them (committed once they are sent).</summary>
internal sealed record SpoolBatch(IReadOnlyList<object?[]> Rows, long End, int Skipped);
