namespace Hilt.Aop;

/// <summary>Opens log files with true append semantics where the OS offers them, else through the locked-stream fallback.</summary>
internal sealed class JsonlFileOpener : IJsonlFileOpener
{
    private readonly int? _appendFlags = UnixLibC.AppendFlags();
    private bool _nativeUnavailable;

    public IJsonlAppendFile Open(string path, UnixFileMode? unixCreateMode)
    {
        if (_appendFlags is not { } flags || _nativeUnavailable)
        {
            return new StreamAppendFile(path, unixCreateMode);
        }

        // .NET creates the file with the requested permissions; libc then reopens it with O_APPEND.
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
        };
        if (unixCreateMode is { } mode)
        {
            options.UnixCreateMode = mode;
        }

        new FileStream(path, options).Dispose();
        try
        {
            return UnixAppendFile.Open(path, flags);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _nativeUnavailable = true;
            return new StreamAppendFile(path, unixCreateMode);
        }
    }
}
