using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Hilt.Aop;

/// <summary>A read-only map that keeps insertion order and that nobody holds a writable reference to.</summary>
internal sealed class FrozenMap : IReadOnlyDictionary<string, object?>
{
    private readonly Dictionary<string, object?> _items;

    /// <param name="items">A dictionary the caller hands over and never touches again.</param>
    public FrozenMap(Dictionary<string, object?> items)
    {
        _items = items;
    }

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Keys;

    public IEnumerable<object?> Values => _items.Values;

    public object? this[string key] => _items[key];

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _items.TryGetValue(key, out value);

    public Dictionary<string, object?>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
