using System.Diagnostics.CodeAnalysis;

namespace Hilt.Aop;

/// <summary>A small dictionary that forgets its least recently used entries beyond a capacity.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <remarks>Thread-safe: every member locks the map (callers may also lock it to combine operations).</remarks>
internal sealed class LruMap<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly int _capacity;
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _map = new();
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _order = new();

    public LruMap(int capacity)
    {
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (this)
            {
                return _map.Count;
            }
        }
    }

    public bool TryGet(TKey key, [NotNullWhen(true)] out TValue? value)
    {
        lock (this)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }

            value = null;
            return false;
        }
    }

    public void Set(TKey key, TValue value)
    {
        lock (this)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
            }

            node = _order.AddFirst(new KeyValuePair<TKey, TValue>(key, value));
            _map[key] = node;
            if (_map.Count > _capacity)
            {
                var oldest = _order.Last!;
                _order.RemoveLast();
                _map.Remove(oldest.Value.Key);
            }
        }
    }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        lock (this)
        {
            if (TryGet(key, out var value))
            {
                return value;
            }

            value = create(key);
            Set(key, value);
            return value;
        }
    }
}
