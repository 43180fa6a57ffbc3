namespace Hilt.Aop;

/// <summary>The content of a HILT event: its text, and optionally images, metadata and extra keys.</summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class HiltContent
{
    private readonly IReadOnlyList<object?>? _images;
    private readonly IReadOnlyDictionary<string, object?>? _metadata;
    private readonly IReadOnlyDictionary<string, object?>? _extra;

    /// <summary>Initializes a new instance of the <see cref="HiltContent"/> class.</summary>
    /// <param name="text">The text, or <see langword="null"/> when there is none.</param>
    public HiltContent(string? text)
    {
        Text = text;
    }

    /// <summary>Gets the text.</summary>
    public string? Text { get; }

    /// <summary>Gets descriptions of attached images (never their bytes), if any.</summary>
    public IReadOnlyList<object?>? Images { get => _images; init => _images = FreeForm.Snapshot(value); }

    /// <summary>Gets free-form metadata, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Metadata { get => _metadata; init => _metadata = FreeForm.Snapshot(value); }

    /// <summary>Gets extra keys written beside <c>text</c>, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Extra { get => _extra; init => _extra = FreeForm.Snapshot(value); }
}
