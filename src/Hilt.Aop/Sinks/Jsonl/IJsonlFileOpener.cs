namespace Hilt.Aop;

/// <summary>Opens log files for appending; the seam tests use to inject I/O failures.</summary>
internal interface IJsonlFileOpener
{
    /// <summary>Opens (creating if needed) a file for appending.</summary>
    /// <param name="path">The full path; its folder exists.</param>
    /// <param name="unixCreateMode">The permissions of a file created on Unix, or <see langword="null"/> for the process default.</param>
    IJsonlAppendFile Open(string path, UnixFileMode? unixCreateMode);
}
