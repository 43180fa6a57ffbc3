namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// Opens real log files through the JSONL sink's own opener, but lets the test make every write fail like a full
/// disk, tear a write in half, or hang — and then recover.
/// </summary>
internal sealed class FaultyFileOpener : IJsonlFileOpener, IDisposable
{
    /// <summary>The errno of "No space left on device" on Linux and macOS.</summary>
    public const int Enospc = 28;

    private readonly JsonlFileOpener _inner = new();
    private readonly ManualResetEventSlim _released = new(false);
    private volatile FaultMode _mode;
    private int _failures;

    public FaultMode Mode { get => _mode; set => _mode = value; }

    /// <summary>Gets how many writes this opener made fail.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public IJsonlAppendFile Open(string path, UnixFileMode? unixCreateMode)
    {
        switch (_mode)
        {
            case FaultMode.DiskFull:
                Interlocked.Increment(ref _failures);
                throw DiskFull(path);
            case FaultMode.ReadOnly:
                Interlocked.Increment(ref _failures);
                throw ReadOnly(path);
        }

        return new File(this, _inner.Open(path, unixCreateMode), path);
    }

    /// <summary>Lets every hung write go on.</summary>
    public void Release() => _released.Set();

    public void Dispose()
    {
        _released.Set();
    }

    // Root ignores file permissions, so a read-only file is simulated rather than made with chmod.
    private static UnauthorizedAccessException ReadOnly(string path) => new($"Access to the path '{path}' is denied.");

    private static IOException DiskFull(string path) => new($"write failed for '{path}': No space left on device (errno {Enospc}).", Enospc);

    private sealed class File(FaultyFileOpener owner, IJsonlAppendFile inner, string path) : IJsonlAppendFile
    {
        public void Append(ReadOnlySpan<byte> lines)
        {
            switch (owner._mode)
            {
                case FaultMode.DiskFull:
                    Interlocked.Increment(ref owner._failures);
                    throw DiskFull(path);
                case FaultMode.ReadOnly:
                    Interlocked.Increment(ref owner._failures);
                    throw ReadOnly(path);
                case FaultMode.DiskFullAfterHalf:
                    // What a filling disk really does: part of the batch lands, then ENOSPC.
                    inner.Append(lines[..(lines.Length / 2)]);
                    Interlocked.Increment(ref owner._failures);
                    throw DiskFull(path);
                case FaultMode.Hang:
                    owner._released.Wait();
                    break;
            }

            inner.Append(lines);
        }

        public void FlushToDisk() => inner.FlushToDisk();

        public void Dispose() => inner.Dispose();
    }
}
