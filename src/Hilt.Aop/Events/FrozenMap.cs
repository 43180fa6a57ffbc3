using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Hilt.Aop;

/// <summary>A read-only map that keeps insertion order and that nobody holds a writable reference to.</summary>
/// <remarks>
/// Backed either by a dictionary (maps of any size, from users and the reader) or by an exact-size array of
/// pairs (the few extension keys built on the hot path, see <see cref="ExtensionsBuilder"/>), which costs a
/// fraction of a dictionary's memory and is searched in a few comparisons.
/// </remarks>
internal sealed class FrozenMap : IReadOnlyDictionary<string, object?>
{
    private readonly Dictionary<string, object?>? _dictionary;
    private readonly KeyValuePair<string, object?>[]? _pairs;

    /// <param name="items">A dictionary the caller hands over and never touches again.</param>
    public FrozenMap(Dictionary<string, object?> items)
    {
        _dictionary = items;
    }

    /// <param name="pairs">Pairs with distinct keys, in order, that the caller hands over and never touches again.</param>
    public FrozenMap(KeyValuePair<string, object?>[] pairs)
    {
        _pairs = pairs;
    }

    public int Count => _dictionary?.Count ?? _pairs!.Length;

    public IEnumerable<string> Keys => _dictionary?.Keys ?? _pairs!.Select(p => p.Key);

    public IEnumerable<object?> Values => _dictionary?.Values ?? _pairs!.Select(p => p.Value);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not in the map.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (_dictionary is not null)
        {
            return _dictionary.TryGetValue(key, out value);
        }

        foreach (var pair in _pairs!)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Enumerates without allocating (the redactor walks every map of every event).</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() =>
        _dictionary is not null ? _dictionary.GetEnumerator() : ((IEnumerable<KeyValuePair<string, object?>>)_pairs!).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)this).GetEnumerator();

    /// <summary>A struct enumerator over either backing store.</summary>
    public struct Enumerator
    {
        private readonly KeyValuePair<string, object?>[]? _pairs;
        private Dictionary<string, object?>.Enumerator _dictionary;
        private int _index;

        internal Enumerator(FrozenMap map)
        {
            _pairs = map._pairs;
            _dictionary = map._dictionary?.GetEnumerator() ?? default;
            _index = -1;
        }

        public readonly KeyValuePair<string, object?> Current => _pairs is null ? _dictionary.Current : _pairs[_index];

        public bool MoveNext() => _pairs is null ? _dictionary.MoveNext() : ++_index < _pairs.Length;
    }
}
