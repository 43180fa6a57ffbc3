using System.Text.Json;

namespace Hilt.Aop.Testing;

/// <summary>One request a fake server received.</summary>
public sealed class FakeRequest(string method, string path, IReadOnlyDictionary<string, string> headers, string body)
{
    private volatile bool _aborted;

    public string Method { get; } = method;

    public string Path { get; } = path;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public string Body { get; } = body;

    /// <summary>Gets a value indicating whether the client went away before the reply was complete.</summary>
    public bool Aborted { get => _aborted; internal set => _aborted = value; }

    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;

    public JsonElement Json => string.IsNullOrEmpty(Body) ? default : JsonDocument.Parse(Body).RootElement.Clone();
}
