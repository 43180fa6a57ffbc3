using System.Text;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>The odd and hostile message texts of the trust suite: each must give one valid line and leave the call unchanged.</summary>
internal static class HostileText
{
    /// <summary>Gets every case by name; <see langword="null"/> stands for null content.</summary>
    public static IReadOnlyDictionary<string, string?> Cases { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["empty"] = string.Empty,
        ["ten megabytes"] = BuildLarge(10 * 1024 * 1024),
        ["whitespace only"] = " \t\r\n\u00A0\u2003 ",
        ["control characters"] = "a\0b\u0001c\u0007d\u001Be\u007Ff\bg\fh",
        ["line separators"] = "one\u2028two\u2029three\u0085four\r\nfive\nsix",
        ["lone high surrogate"] = "before\uD83Dafter",
        ["lone low surrogate"] = "before\uDE00after",
        ["surrogate at end"] = "end\uD800",
        ["rtl marks"] = "\u202Eevil\u202C \u200F\u200E\u061C مرحبا",
        ["json-looking"] = "{\"event_id\":\"x\",\"action\":\"prompt\"}\n{\"torn\":",
        ["quotes and backslashes"] = "\"\\\"\\\\\\u0000\"",
        ["emoji and combining"] = "👩‍👩‍👧‍👦 é e\u0301 🇫🇷",
        ["null content"] = null,
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>What the writer must turn <paramref name="text"/> into: lone surrogates become U+FFFD, nothing else changes.</summary>
    public static string? Expected(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    private static string BuildLarge(int length)
    {
        // Mixed content so that no encoder fast path hides an escaping bug.
        const string Pattern = "Lorem ipsum \"quoted\" \n naïve 日本語 🙂 ";
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            builder.Append(Pattern);
        }

        return builder.ToString(0, length);
    }
}
