using System.Runtime.InteropServices;

namespace Hilt.Aop;

/// <summary>A file descriptor opened with <c>O_APPEND</c>: every write lands whole at the end of the file.</summary>
internal sealed class UnixAppendFile : IJsonlAppendFile
{
    private const int Interrupted = 4;

    private readonly string _path;
    private int _fd;

    private UnixAppendFile(string path, int fd)
    {
        _path = path;
        _fd = fd;
    }

    public static UnixAppendFile Open(string path, int flags)
    {
        var fd = UnixLibC.Open(path, flags);
        if (fd < 0)
        {
            throw Error("open", path);
        }

        return new UnixAppendFile(path, fd);
    }

    public unsafe void Append(ReadOnlySpan<byte> lines)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        fixed (byte* start = lines)
        {
            var offset = 0;
            while (offset < lines.Length)
            {
                // One call for the whole batch; a regular file takes it in one piece unless the disk fills up.
                var written = UnixLibC.Write(_fd, start + offset, (nuint)(lines.Length - offset));
                if (written < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Interrupted)
                    {
                        continue;
                    }

                    throw Error("write", _path);
                }

                offset += (int)written;
            }
        }
    }

    public void FlushToDisk()
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        if (UnixLibC.FSync(_fd) != 0)
        {
            throw Error("fsync", _path);
        }
    }

    public void Dispose()
    {
        var fd = _fd;
        _fd = -1;
        if (fd >= 0)
        {
            UnixLibC.Close(fd);
        }
    }

    private static IOException Error(string call, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} failed for '{path}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);
    }
}
