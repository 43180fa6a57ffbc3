namespace Hilt.Aop;

/// <summary>Options of a <see cref="HiltRecorder"/>: where events go, and how they are prepared.</summary>
public sealed class HiltOptions
{
    /// <summary>Gets the sinks every event is written to (unless a session names its own).</summary>
    /// <value>The default value is an empty list: add one with <c>WriteToJsonl</c> or <see cref="WriteTo"/>.</value>
    public IList<IHiltSink> Sinks { get; } = new List<IHiltSink>();

    /// <summary>Gets or sets the clock for timestamps, latency, batching and rotation.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets where Hilt reports on itself (write failures, dropped events, internal errors).</summary>
    public HiltDiagnostics Diagnostics { get; } = new();

    /// <summary>Gets or sets the session used when no scope, attribute or argument gives one.</summary>
    /// <value>The default value is <see langword="null"/>: calls without a key are threaded by their message history.</value>
    public HiltSession? DefaultSession { get; set; }

    /// <summary>Gets or sets the redactor applied to every event before any sink sees it.</summary>
    /// <value>The default value is <see langword="null"/>, which uses the built-in secret redactor.</value>
    public IHiltRedactor? Redactor { get; set; }

    /// <summary>Gets or sets whether prompt and completion text is scanned for secrets (API keys, bearer tokens, private keys).</summary>
    /// <value>The default value is <see langword="true"/>. Credentials in error messages are always redacted.</value>
    public bool RedactMessageSecrets { get; set; } = true;

    /// <summary>Gets or sets whether each streamed chunk is also written as a <c>completion_chunk</c> event.</summary>
    /// <value>The default value is <see langword="false"/>: a stream writes one <c>completion</c> when it ends.</value>
    public bool LogStreamingChunks { get; set; }

    /// <summary>Gets or sets how long <see cref="HiltRecorder.DisposeAsync"/> waits for sinks to drain.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Adds a sink.</summary>
    /// <param name="sink">The sink.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sink"/> is <see langword="null"/>.</exception>
    public HiltOptions WriteTo(IHiltSink sink)
    {
        Sinks.Add(Throw.IfNull(sink));
        return this;
    }

    /// <summary>Gets the chat call adapters asked, in order, before the built-in ones (<c>IChatClient</c>, then attributes and conventions).</summary>
    /// <value>The default value is an empty list. Packages such as <c>Hilt.Aop.OpenAI</c> add theirs here. Read once, on the recorder's first chat call.</value>
    public IList<IHiltChatCallAdapter> ChatCallAdapters { get; } = new List<IHiltChatCallAdapter>();

    /// <summary>Gets prices that add to or replace rows of the built-in price table (<see cref="HiltPriceTable.Default"/>).</summary>
    /// <value>The default value is an empty list. A row here wins over a built-in row of the same model name or alias; of two rows here, the later wins.</value>
    /// <remarks>Read when the recorder prices its first call.</remarks>
    public IList<HiltModelPrice> ModelPrices { get; } = new List<HiltModelPrice>();

    /// <summary>Adds the rows of a JSON price file (the shape of the built-in table) to <see cref="ModelPrices"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The file does not describe a price table.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <remarks>The file is read here, so a bad file is a start-up error rather than a silent gap in costs.</remarks>
    public HiltOptions AddPriceFile(string path)
    {
        foreach (var row in HiltPriceTable.Load(path).Models)
        {
            ModelPrices.Add(row);
        }

        return this;
    }
}
