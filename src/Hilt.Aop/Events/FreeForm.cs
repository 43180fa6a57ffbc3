using System.Collections;

namespace Hilt.Aop;

/// <summary>
/// Copies free-form values (the object trees behind <c>metadata</c>, <c>provenance</c>, <c>extensions</c>)
/// so an event never holds on to a caller's mutable collection.
/// </summary>
/// <remarks>
/// Leaves are kept as they are when immutable (strings, numbers, booleans, <see cref="System.Text.Json.JsonElement"/>);
/// dictionaries and lists are copied deeply; anything else is kept as its <see cref="object.ToString"/> text.
/// Collections built by Hilt itself are wrapped in <see cref="FrozenMap"/> and are not copied again.
/// </remarks>
internal static class FreeForm
{
    public static IReadOnlyDictionary<string, object?>? Snapshot(IReadOnlyDictionary<string, object?>? source)
    {
        if (source is null or FrozenMap)
        {
            return source;
        }

        var copy = new Dictionary<string, object?>(source.Count, StringComparer.Ordinal);
        foreach (var pair in source)
        {
            copy[pair.Key] = SnapshotValue(pair.Value);
        }

        return new FrozenMap(copy);
    }

    public static IReadOnlyList<object?>? Snapshot(IReadOnlyList<object?>? source)
    {
        if (source is null or FrozenList)
        {
            return source;
        }

        var copy = new object?[source.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = SnapshotValue(source[i]);
        }

        return new FrozenList(copy);
    }

    public static object? SnapshotValue(object? value) => value switch
    {
        null or string or bool or int or long or double or float or decimal or short or byte or uint or ulong => value,
        sbyte or ushort or Half or Int128 or UInt128 or System.Numerics.BigInteger or char => value,
        System.Text.Json.JsonElement element => element.Clone(),
        System.Text.Json.Nodes.JsonNode node => node.DeepClone(),
        FrozenMap or FrozenList => value,
        IReadOnlyDictionary<string, object?> map => Snapshot(map),
        IDictionary dictionary => SnapshotDictionary(dictionary),
        IReadOnlyList<object?> list => Snapshot(list),
        IEnumerable sequence => Snapshot(sequence.Cast<object?>().ToArray()),
        DateTimeOffset or DateTime or Guid or TimeSpan or Enum => value,
        _ => value.ToString(),
    };

    private static IReadOnlyDictionary<string, object?> SnapshotDictionary(IDictionary dictionary)
    {
        var copy = new Dictionary<string, object?>(dictionary.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            copy[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = SnapshotValue(entry.Value);
        }

        return new FrozenMap(copy);
    }
}
