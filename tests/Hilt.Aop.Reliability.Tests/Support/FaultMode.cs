namespace Hilt.Aop.Reliability.Tests;

/// <summary>How a <see cref="FaultyFileOpener"/> misbehaves.</summary>
internal enum FaultMode
{
    /// <summary>Writes go through.</summary>
    None,

    /// <summary>Every open and write throws ENOSPC before writing anything.</summary>
    DiskFull,

    /// <summary>A write puts the first half of its bytes on disk, then throws ENOSPC: what a full disk really does.</summary>
    DiskFullAfterHalf,

    /// <summary>Every write blocks until the stream is released or disposed.</summary>
    Hang,
}
