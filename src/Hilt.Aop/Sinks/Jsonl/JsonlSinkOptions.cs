namespace Hilt.Aop;

/// <summary>Options of a <see cref="JsonlSink"/>: the file, its queue, flushing, rolling, tenant routing and columns.</summary>
public sealed class JsonlSinkOptions
{
    /// <summary>Gets or sets the file to append to, for example <c>logs/chat.jsonl</c>.</summary>
    /// <value>
    /// The default value is <c>hilt.jsonl</c> in the current folder. The placeholder <c>{tenant}</c> routes each event by its
    /// <c>tenant</c> extension, for example <c>logs/{tenant}/chat.jsonl</c>; names are sanitised so they never leave
    /// the log folder, and events without a tenant go to <see cref="DefaultTenant"/>.
    /// </value>
    public string Path { get; set; } = "hilt.jsonl";

    /// <summary>Gets or sets how many events may wait in the queue for the background writer.</summary>
    /// <value>The default value is 10,000.</value>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Gets or sets how long <see cref="JsonlSink.Emit"/> waits for room when the queue is full before it drops the event.</summary>
    /// <value>
    /// The default value is 100 milliseconds. <see cref="TimeSpan.Zero"/> drops at once. Dropped events are counted in
    /// <see cref="HiltDiagnostics.LostEvents"/> and reported as <see cref="HiltDiagnosticKind.EventsDropped"/>.
    /// </value>
    public TimeSpan FullQueueWait { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets whether each batch is forced onto the disk (fsync) after it is written.</summary>
    /// <value>
    /// The default value is <see langword="false"/>: each batch is handed to the OS as soon as it is written, which
    /// survives a crash of the process but not a power cut.
    /// </value>
    public bool FlushToDisk { get; set; }

    /// <summary>Gets or sets whether a new file is started each UTC day (<c>chat.jsonl</c> becomes <c>chat-2026-12-04.jsonl</c>).</summary>
    /// <value>The default value is <see langword="false"/>: one file.</value>
    public bool RollDaily { get; set; }

    /// <summary>Gets or sets the size after which a new file is started (<c>chat_001.jsonl</c>, <c>chat_002.jsonl</c>, ...).</summary>
    /// <value>The default value is <see langword="null"/>: no size limit. A single batch larger than the limit still goes to one file.</value>
    public long? MaxFileSizeBytes { get; set; }

    /// <summary>Gets or sets the columns to write instead of whole events, in order (see <see cref="HiltColumns"/>).</summary>
    /// <value>
    /// The default value is <see langword="null"/>: whole events. With columns, each line is <c>{column: value}</c> and
    /// nothing else of the event is written; leaving out <c>message</c> keeps all message text out of the file.
    /// </value>
    public IList<string>? Columns { get; set; }

    /// <summary>Gets or sets the folder name for events without a <c>tenant</c> when <see cref="Path"/> contains <c>{tenant}</c>.</summary>
    /// <value>The default value is <c>_default</c>.</value>
    public string DefaultTenant { get; set; } = "_default";

    /// <summary>Gets or sets the permissions of files the sink creates on Unix.</summary>
    /// <value>
    /// The default value is owner read and write only (0600), because the files hold prompts and replies.
    /// <see langword="null"/> uses the process's default (0666 minus the umask). Ignored on Windows.
    /// </value>
    public UnixFileMode? UnixFileMode { get; set; } = System.IO.UnixFileMode.UserRead | System.IO.UnixFileMode.UserWrite;

    /// <summary>Gets or sets how long disposing waits for the queue to drain.</summary>
    /// <value>The default value is 10 seconds. What is still queued then is reported as <see cref="HiltDiagnosticKind.ShutdownIncomplete"/>.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
