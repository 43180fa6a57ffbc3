namespace Hilt.Aop;

/// <summary>
/// Collects the few extension keys of one event in order, then freezes them into an exact-size
/// <see cref="FrozenMap"/>: the hot path allocates one small array instead of a dictionary per event.
/// </summary>
internal sealed class ExtensionsBuilder
{
    private KeyValuePair<string, object?>[] _pairs = new KeyValuePair<string, object?>[8];
    private int _count;

    /// <summary>Gets the number of keys set.</summary>
    public int Count => _count;

    /// <summary>Sets a key: replaces its value if present, else appends it.</summary>
    public object? this[string key]
    {
        set
        {
            for (var i = 0; i < _count; i++)
            {
                if (string.Equals(_pairs[i].Key, key, StringComparison.Ordinal))
                {
                    _pairs[i] = new(key, value);
                    return;
                }
            }

            if (_count == _pairs.Length)
            {
                Array.Resize(ref _pairs, _pairs.Length * 2);
            }

            _pairs[_count++] = new(key, value);
        }
    }

    /// <summary>Sets a key when the value is not <see langword="null"/>.</summary>
    public void SetIfNotNull(string key, string? value)
    {
        if (value is not null)
        {
            this[key] = value;
        }
    }

    /// <summary>Freezes the keys set so far; the builder is not used afterwards.</summary>
    public FrozenMap ToFrozenMap() => new(_count == _pairs.Length ? _pairs : _pairs.AsSpan(0, _count).ToArray());
}
