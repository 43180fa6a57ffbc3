namespace Hilt.Aop;

/// <summary>
/// The portable fallback (Windows and unknown Unix flavours): a shared <see cref="FileStream"/> that takes a lock on a
/// byte far past the end of the file, moves to the end, writes the batch and flushes it, so cooperating writers
/// (Hilt.Aop processes) never interleave. Readers are not blocked: the locked byte is never data.
/// </summary>
internal sealed class StreamAppendFile : IJsonlAppendFile
{
    private const long LockOffset = long.MaxValue - 1;
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(2);

    private readonly FileStream _stream;

    public StreamAppendFile(string path, UnixFileMode? unixCreateMode)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
        };
        if (unixCreateMode is { } mode && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        _stream = new FileStream(path, options);
    }

    public void Append(ReadOnlySpan<byte> lines)
    {
        var locked = TryLock();
        try
        {
            _stream.Seek(0, SeekOrigin.End);
            _stream.Write(lines);
            _stream.Flush(flushToDisk: false);
        }
        finally
        {
            if (locked)
            {
                _stream.Unlock(LockOffset, 1);
            }
        }
    }

    public void FlushToDisk() => _stream.Flush(flushToDisk: true);

    public void Dispose() => _stream.Dispose();

    private bool TryLock()
    {
        var started = Environment.TickCount64;
        while (true)
        {
            try
            {
                _stream.Lock(LockOffset, 1);
                return true;
            }
            catch (PlatformNotSupportedException)
            {
                return false;
            }
            catch (IOException) when (Environment.TickCount64 - started < LockWait.TotalMilliseconds)
            {
                // Another writer holds the lock for the length of one batch.
                Thread.Sleep(1);
            }
        }
    }
}
