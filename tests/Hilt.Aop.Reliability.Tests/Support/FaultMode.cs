namespace Hilt.Aop.Reliability.Tests;

/// <summary>How a <see cref="FaultyFileOpener"/> misbehaves.</summary>
public enum FaultMode
{
    /// <summary>Writes go through.</summary>
    None,

    /// <summary>Every open and write throws ENOSPC before writing anything.</summary>
    DiskFull,

    /// <summary>A write puts the first half of its bytes on disk, then throws ENOSPC: what a full disk really does.</summary>
    DiskFullAfterHalf,

    /// <summary>Every open and write is refused as if the file or folder had been made read-only.</summary>
    ReadOnly,

    /// <summary>Every write blocks until the stream is released or disposed.</summary>
    Hang,
}
