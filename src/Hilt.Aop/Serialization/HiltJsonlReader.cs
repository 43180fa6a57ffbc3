using System.Text.Json;

namespace Hilt.Aop;

/// <summary>Reads HILT JSONL files written by Hilt.Aop or by the Python HILT package.</summary>
/// <remarks>
/// Blank lines are skipped. A last line that is cut short (the file does not end with a newline and the line
/// does not parse, as after a crash mid-write) is reported through <see cref="HiltJsonlReadResult.HasTornLastLine"/>
/// rather than failing the file. Any other bad line throws a <see cref="FormatException"/> that names its line
/// number. Both <c>cost_usd</c> forms (number and string), <c>Z</c> or <c>+00:00</c> timestamps and any fraction length
/// are accepted; <c>cost_usd_display</c> is ignored. Integers read back as <see cref="long"/>, other numbers as
/// <see cref="double"/>, <c>cost_usd</c> as <see cref="decimal"/>. Projected lines (a sink's <c>Columns</c> option)
/// are not whole events and do not read back.
/// </remarks>
public static class HiltJsonlReader
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Reads every event of a file; the file may be open for appending by a writer.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The events, and whether the last line was torn.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">A line other than a torn last line is not a valid HILT event.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static HiltJsonlReadResult ReadFile(string path)
    {
        Throw.IfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream);
    }

    /// <summary>Reads every event from a stream, up to its end.</summary>
    /// <param name="stream">The stream, positioned at the start of a line.</param>
    /// <returns>The events, and whether the last line was torn.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">A line other than a torn last line is not a valid HILT event.</exception>
    public static HiltJsonlReadResult Read(Stream stream)
    {
        Throw.IfNull(stream);
        var events = new List<HiltEvent>();
        var buffer = new byte[ChunkSize];
        var start = 0;
        var end = 0;
        var lineNumber = 0;
        var atFileStart = true;

        while (true)
        {
            if (end == buffer.Length)
            {
                if (start > 0)
                {
                    // Move the unfinished line to the front before reading more.
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                else
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                break;
            }

            var scanFrom = end;
            end += read;
            if (atFileStart && end >= 3)
            {
                // A BOM is tolerated at the very start, though HILT files have none.
                atFileStart = false;
                if (start == 0 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    start = 3;
                    scanFrom = Math.Max(scanFrom, 3);
                }
            }

            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', scanFrom, end - scanFrom)) >= 0)
            {
                lineNumber++;
                ReadLine(buffer.AsMemory(start, newline - start), lineNumber, events, isLastUnterminated: false);
                start = newline + 1;
                scanFrom = start;
            }
        }

        int? torn = null;
        if (end > start)
        {
            lineNumber++;
            if (!ReadLine(buffer.AsMemory(start, end - start), lineNumber, events, isLastUnterminated: true))
            {
                torn = lineNumber;
            }
        }

        return new HiltJsonlReadResult(events, torn);
    }

    /// <returns><see langword="false"/> when an unterminated last line does not parse (a torn line).</returns>
    private static bool ReadLine(ReadOnlyMemory<byte> line, int lineNumber, List<HiltEvent> events, bool isLastUnterminated)
    {
        var span = line.Span;
        if (span.Length > 0 && span[^1] == (byte)'\r')
        {
            line = line[..^1];
            span = line.Span;
        }

        if (span.Trim(" \t"u8).IsEmpty)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            events.Add(HiltJsonlEventParser.Parse(document.RootElement));
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            if (isLastUnterminated)
            {
                return false;
            }

            throw new FormatException($"Line {lineNumber} is not a valid HILT event: {ex.Message}", ex);
        }
    }
}
