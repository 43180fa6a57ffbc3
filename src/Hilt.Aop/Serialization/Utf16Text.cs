namespace Hilt.Aop;

/// <summary>Repairs invalid UTF-16 before it is written as UTF-8.</summary>
internal static class Utf16Text
{
    /// <summary>Returns <paramref name="text"/> with every unpaired surrogate replaced by U+FFFD; the same instance when it is valid.</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0 || FirstLoneSurrogate(span, first) < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (destination, source) =>
        {
            source.AsSpan().CopyTo(destination);
            for (var i = 0; i < destination.Length; i++)
            {
                if (char.IsHighSurrogate(destination[i]) && i + 1 < destination.Length && char.IsLowSurrogate(destination[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(destination[i]))
                {
                    destination[i] = '\uFFFD';
                }
            }
        });
    }

    private static int FirstLoneSurrogate(ReadOnlySpan<char> span, int start)
    {
        for (var i = start; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
