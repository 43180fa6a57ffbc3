namespace Hilt.Aop;

/// <summary>A document fetched by a retrieval, as written in a <c>retrieval</c> event.</summary>
/// <param name="Text">The document's text, or an excerpt of it.</param>
/// <remarks>Instances are immutable.</remarks>
public sealed record HiltDocument(string? Text)
{
    /// <summary>Gets the document's id in its store, if any.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the relevance score the retriever gave it, if any.</summary>
    public double? Score { get; init; }

    /// <summary>Gets where the document comes from (a file, a URL), if known.</summary>
    public string? Source { get; init; }
}
