using System.Buffers;

namespace Hilt.Aop;

/// <summary>The writer's state for one destination (one tenant's file): the lines waiting for it and its open file.</summary>
internal sealed class JsonlFileSlot
{
    private const int InitialBufferSize = 64 * 1024;
    private const int KeptBufferSize = 4 * 1024 * 1024;

    public JsonlFileSlot(string logicalPath)
    {
        LogicalPath = logicalPath;
    }

    /// <summary>Gets the file's path before rolling suffixes.</summary>
    public string LogicalPath { get; }

    /// <summary>Gets the whole lines, each ending in <c>\n</c>, not yet written.</summary>
    public ArrayBufferWriter<byte> Pending { get; private set; } = new(InitialBufferSize);

    /// <summary>Gets or sets how many events <see cref="Pending"/> holds.</summary>
    public int PendingCount { get; set; }

    /// <summary>Gets or sets the open file, if any.</summary>
    public IJsonlAppendFile? File { get; set; }

    /// <summary>Gets or sets the path <see cref="File"/> was opened at.</summary>
    public string? PhysicalPath { get; set; }

    /// <summary>Gets or sets the UTC date of the current file when rolling daily.</summary>
    public string? Date { get; set; }

    /// <summary>Gets or sets the size-rolling sequence number of the current file.</summary>
    public int Sequence { get; set; }

    /// <summary>Gets or sets when the slot was last written, in writer ticks.</summary>
    public long LastUsed { get; set; }

    public void ClearPending()
    {
        PendingCount = 0;
        if (Pending.Capacity > KeptBufferSize)
        {
            // Let go of the memory a huge message needed.
            Pending = new ArrayBufferWriter<byte>(InitialBufferSize);
        }
        else
        {
            Pending.ResetWrittenCount();
        }
    }

    public void Close()
    {
        var file = File;
        File = null;
        PhysicalPath = null;
        try
        {
            file?.Dispose();
        }
        catch (IOException)
        {
            // Closing a file whose folder is gone may fail; the handle is released either way.
        }
    }
}
