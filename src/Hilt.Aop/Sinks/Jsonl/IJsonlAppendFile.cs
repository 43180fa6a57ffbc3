namespace Hilt.Aop;

/// <summary>An open log file that only ever grows at its end.</summary>
internal interface IJsonlAppendFile : IDisposable
{
    /// <summary>Appends whole lines in as few write calls as the OS allows, so another process's lines never land inside them.</summary>
    void Append(ReadOnlySpan<byte> lines);

    /// <summary>Forces what was written onto the disk (fsync).</summary>
    void FlushToDisk();
}
