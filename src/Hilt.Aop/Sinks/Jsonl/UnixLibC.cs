using System.Runtime.InteropServices;

namespace Hilt.Aop;

/// <summary>The few libc calls that give true <c>O_APPEND</c> writes, which <see cref="FileStream"/> does not use.</summary>
/// <remarks>
/// .NET's <see cref="FileStream"/> writes at the offset it tracks itself (<c>pwrite</c>), so two processes appending to
/// one file overwrite each other's lines. With <c>O_APPEND</c> the kernel moves every <c>write</c> to the end of the file.
/// </remarks>
internal static partial class UnixLibC
{
    private const string Library = "libc";

    [LibraryImport(Library, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "fsync", SetLastError = true)]
    public static partial int FSync(int fd);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>Gets the <c>open</c> flags for write-only, append, close-on-exec on this OS, or <see langword="null"/> when unknown.</summary>
    public static int? AppendFlags()
    {
        const int WriteOnly = 0x1;
        if (OperatingSystem.IsLinux())
        {
            return WriteOnly | 0x400 | 0x80000;
        }

        if (OperatingSystem.IsMacOS())
        {
            return WriteOnly | 0x8 | 0x1000000;
        }

        if (OperatingSystem.IsFreeBSD())
        {
            return WriteOnly | 0x8 | 0x100000;
        }

        return null;
    }
}
