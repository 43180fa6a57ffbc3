namespace Hilt.Aop;

/// <summary>Adds a JSONL file sink to <see cref="HiltOptions"/>.</summary>
public static class JsonlHiltOptionsExtensions
{
    /// <summary>Writes every event to a HILT JSONL file.</summary>
    /// <param name="options">The options to add the sink to.</param>
    /// <param name="path">The file, for example <c>logs/chat.jsonl</c>; may contain <c>{tenant}</c>.</param>
    /// <param name="configure">Sets further sink options, if given.</param>
    /// <returns>The same <paramref name="options"/>, for chaining.</returns>
    /// <remarks>
    /// The sink is created here and takes the options' current <see cref="HiltOptions.TimeProvider"/> and
    /// <see cref="HiltOptions.Diagnostics"/>, so set the clock first.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A sink option is invalid, such as an unknown column.</exception>
    /// <exception cref="InvalidOperationException">The log folder cannot be created or written.</exception>
    public static HiltOptions WriteToJsonl(this HiltOptions options, string path, Action<JsonlSinkOptions>? configure = null)
    {
        Throw.IfNull(options);
        var sinkOptions = new JsonlSinkOptions { Path = Throw.IfNullOrWhiteSpace(path) };
        configure?.Invoke(sinkOptions);
        return options.WriteTo(new JsonlSink(sinkOptions, options.TimeProvider, options.Diagnostics));
    }
}
