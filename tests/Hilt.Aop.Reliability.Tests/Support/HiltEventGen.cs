using FsCheck;
using FsCheck.Fluent;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>FsCheck generators of whole HILT events with text drawn from all of Unicode, lone surrogates included.</summary>
internal static class HiltEventGen
{
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Gen<char> Char { get; } = Gen.Frequency(
        (40, Gen.Choose(0x20, 0x7E).Select(c => (char)c)),
        (8, Gen.Choose(0x00, 0x1F).Select(c => (char)c)),
        (8, Gen.Elements('"', '\\', '/', '\u007F', '\u0085', '\u00A0', '\u2028', '\u2029', '\u200F', '\u202E', '\uFEFF', '\uFFFD', '\uFFFF')),
        (20, Gen.Choose(0x80, 0xD7FF).Select(c => (char)c)),
        (4, Gen.Choose(0xD800, 0xDFFF).Select(c => (char)c)),
        (10, Gen.Choose(0xE000, 0xFFFF).Select(c => (char)c)));

    /// <summary>Strings mixing every kind of character, with well-formed astral pairs (emoji) in between.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
            (9, Char.Select(c => c.ToString())),
            (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)))
        .ListOf()
        .Select(parts => string.Concat(parts));

    public static Gen<string?> OptionalText { get; } = Gen.Frequency((1, Gen.Constant<string?>(null)), (4, Text.Select(t => (string?)t)));

    public static Gen<long?> OptionalCount { get; } = Gen.Frequency(
        (1, Gen.Constant<long?>(null)),
        (4, Gen.Choose(0, int.MaxValue).Select(v => (long?)v)));

    public static Gen<object?> Leaf { get; } = Gen.OneOf(
        Text.Select(t => (object?)t),
        Gen.Choose(int.MinValue, int.MaxValue).Select(v => (object?)(long)v),
        Gen.Elements<object?>(true, false, 0L, long.MaxValue, long.MinValue, 0.5, -1.25e-7, 3.141592653589793));

    public static Gen<IReadOnlyDictionary<string, object?>?> Map { get; } = Gen.Frequency(
        (2, Gen.Constant<IReadOnlyDictionary<string, object?>?>(null)),
        (3, Gen.Zip(Text, Gen.Frequency((5, Leaf), (1, Leaf.ListOf().Select(l => (object?)l.ToList()))))
            .ListOf()
            .Select(pairs => (IReadOnlyDictionary<string, object?>?)pairs
                .GroupBy(p => HostileTextExpected(p.Item1), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal))));

    public static Gen<decimal?> Cost { get; } = Gen.Frequency(
        (1, Gen.Constant<decimal?>(null)),
        (3, Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 12)).Select(p => (decimal?)(p.Item1 / (decimal)Math.Pow(10, p.Item2)))));

    public static Gen<HiltEvent> Event { get; } =
        from idBytes in Gen.Choose(int.MinValue, int.MaxValue).ArrayOf(4)
        from days in Gen.Choose(0, 36_524)
        from seconds in Gen.Choose(0, 86_399)
        from micros in Gen.Choose(0, 999_999)
        from sessionId in Text
        from actorType in Gen.Elements(HiltActorTypes.All.ToArray())
        from actorId in Text
        from actorName in OptionalText
        from actorMeta in Map
        from action in Gen.Elements(HiltActions.All.ToArray())
        from hasContent in Gen.Elements(true, true, true, false)
        from text in OptionalText
        from contentMeta in Map
        from hasMetrics in Gen.Elements(true, false)
        from tokens in OptionalCount.ArrayOf(5)
        from cost in Cost
        from latency in OptionalCount
        from provenance in Map
        from extensions in Map
        select new HiltEvent(
            ToGuid(idBytes),
            Earliest.AddDays(days).AddSeconds(seconds).AddTicks(micros * 10L),
            sessionId,
            new HiltActor(actorType, actorId, actorName, actorMeta),
            action)
        {
            Content = hasContent ? new HiltContent(text) { Metadata = contentMeta } : null,
            Metrics = hasMetrics
                ? new HiltMetrics
                {
                    Tokens = new HiltTokens
                    {
                        Prompt = tokens[0],
                        Completion = tokens[1],
                        Total = tokens[2],
                        Cached = tokens[3],
                        Reasoning = tokens[4],
                    },
                    CostUsd = cost,
                    LatencyMs = latency,
                }
                : null,
            Provenance = provenance,
            Extensions = extensions,
        };

    private static string HostileTextExpected(string key) => HostileText.Expected(key)!;

    private static string ToGuid(int[] parts)
    {
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 4; i++)
        {
            BitConverter.TryWriteBytes(bytes[(i * 4)..], parts[i]);
        }

        return new Guid(bytes).ToString("D");
    }
}
