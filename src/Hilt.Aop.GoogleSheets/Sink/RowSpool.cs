using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hilt.Aop.GoogleSheets;

/// <summary>
/// A bounded JSONL file of rows not yet taken by Google, read in order from a committed offset.
/// </summary>
/// <remarks>
/// Each line is <c>{"columns":"a,b,...","cells":[...]}</c>, so rows written under another column choice are
/// re-mapped by name when replayed. The offset of the first unsent row lives in <c>&lt;path&gt;.pos</c>;
/// both files are deleted once everything is sent. Used by the sink's single writer only.
/// </remarks>
internal sealed class RowSpool
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly string _checkpointPath;
    private readonly long _maxBytes;
    private long _committed;
    private long _length;

    public RowSpool(string path, long maxBytes)
    {
        Path = path;
        _checkpointPath = path + ".pos";
        _maxBytes = maxBytes;
        if (File.Exists(path))
        {
            _length = new FileInfo(path).Length;
            if (File.Exists(_checkpointPath)
                && long.TryParse(File.ReadAllText(_checkpointPath).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var committed))
            {
                _committed = Math.Clamp(committed, 0, _length);
            }
        }
    }

    public string Path { get; }

    public bool HasPending => _committed < _length;

    /// <summary>Appends rows in order; returns how many did not fit under the size bound (those are not written).</summary>
    public int Append(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var prefix = Encoding.UTF8.GetBytes("{\"columns\":" + JsonSerializer.Serialize(string.Join(',', columns)) + ",\"cells\":");
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var written = 0;
        using (var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            using var buffer = new MemoryStream();
            foreach (var row in rows)
            {
                buffer.SetLength(0);
                buffer.Write(prefix);
                using (var writer = new Utf8JsonWriter(buffer, CellWriter.WriterOptions))
                {
                    writer.WriteStartArray();
                    foreach (var cell in row)
                    {
                        CellWriter.Write(writer, cell, nullAsEmpty: false);
                    }

                    writer.WriteEndArray();
                }

                buffer.Write("}\n"u8);
                if (_length + buffer.Length > _maxBytes)
                {
                    break;
                }

                buffer.Position = 0;
                buffer.CopyTo(file);
                _length += buffer.Length;
                written++;
            }

            file.Flush();
        }

        return rows.Count - written;
    }

    /// <summary>Reads up to <paramref name="max"/> rows from the committed offset, mapped onto <paramref name="columns"/>.</summary>
    public SpoolBatch Read(int max, IReadOnlyList<string> columns)
    {
        var rows = new List<object?[]>(Math.Min(max, 1024));
        var skipped = 0;
        var position = _committed;
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(position, SeekOrigin.Begin);
        var line = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while (rows.Count < max && (read = file.Read(chunk, 0, chunk.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read && rows.Count < max; i++)
            {
                if (chunk[i] != NewLine[0])
                {
                    continue;
                }

                line.Write(chunk, start, i - start);
                position += line.Length + 1;
                if (Parse(line.GetBuffer().AsSpan(0, (int)line.Length), columns) is { } row)
                {
                    rows.Add(row);
                }
                else if (line.Length > 0)
                {
                    skipped++;
                }

                line.SetLength(0);
                start = i + 1;
            }

            if (rows.Count < max)
            {
                line.Write(chunk, start, read - start);
            }
        }

        if (rows.Count < max && line.Length > 0 && position + line.Length >= _length)
        {
            // A last line without its newline was torn by a crash mid-write: it is skipped, not replayed half.
            position = _length;
            skipped++;
        }

        return new SpoolBatch(rows, position, skipped);
    }

    /// <summary>Marks a batch as sent; the files go away once nothing is left.</summary>
    public void Commit(SpoolBatch batch)
    {
        _committed = Math.Max(_committed, batch.End);
        if (_committed >= _length)
        {
            File.Delete(Path);
            File.Delete(_checkpointPath);
            _committed = 0;
            _length = 0;
            return;
        }

        var temporary = _checkpointPath + ".tmp";
        File.WriteAllText(temporary, _committed.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, _checkpointPath, overwrite: true);
    }

    private static object?[]? Parse(ReadOnlySpan<byte> line, IReadOnlyList<string> columns)
    {
        if (line.IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            var names = root.GetProperty("columns").GetString()!.Split(',');
            var cells = root.GetProperty("cells");
            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var index = Array.IndexOf(names, columns[i]);
                row[i] = index >= 0 && index < cells.GetArrayLength() ? Value(cells[index]) : null;
            }

            return row;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static object? Value(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => cell.GetString(),
        _ => cell.Clone(),
    };
}
