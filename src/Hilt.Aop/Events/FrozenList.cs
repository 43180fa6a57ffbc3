using System.Collections;

namespace Hilt.Aop;

/// <summary>A read-only list that nobody holds a writable reference to.</summary>
internal sealed class FrozenList : IReadOnlyList<object?>
{
    private readonly object?[] _items;

    /// <param name="items">An array the caller hands over and never touches again.</param>
    public FrozenList(object?[] items)
    {
        _items = items;
    }

    public int Count => _items.Length;

    public object? this[int index] => _items[index];

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
