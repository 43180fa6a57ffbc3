namespace Hilt.Aop;

/// <summary>The name rules of the price table: which other names a model name may stand for.</summary>
/// <remarks>
/// Tried in order, each an exact (case-insensitive) lookup: the name; the part after the last <c>/</c>
/// (a provider or router prefix such as <c>openai/</c>); that part without a dated snapshot suffix
/// (<c>-2024-08-06</c>, <c>-20250514</c>, <c>@20250514</c> or any Vertex <c>@version</c>); a fine-tuned
/// <c>ft:base:org::id</c> name as <c>ft:base</c>. Never a bare prefix: <c>gpt-4.1</c> is not <c>gpt-4</c>.
/// Plain string work, no regular expressions.
/// </remarks>
internal static class ModelNames
{
    public static string? WithoutPrefix(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash >= 0 && slash < name.Length - 1 ? name[(slash + 1)..] : null;
    }

    public static string? WithoutSnapshot(string name)
    {
        var at = name.LastIndexOf('@');
        if (at > 0 && at < name.Length - 1 && IsAsciiLettersOrDigits(name.AsSpan(at + 1)))
        {
            return name[..at];
        }

        // -YYYY-MM-DD
        if (name.Length > 11 && name[^11] == '-' && name[^6] == '-' && name[^3] == '-'
            && AllDigits(name.AsSpan(name.Length - 10, 4)) && AllDigits(name.AsSpan(name.Length - 5, 2)) && AllDigits(name.AsSpan(name.Length - 2, 2)))
        {
            return name[..^11];
        }

        // -YYYYMMDD
        if (name.Length > 9 && name[^9] == '-' && AllDigits(name.AsSpan(name.Length - 8)) && name[^8] is '1' or '2')
        {
            return name[..^9];
        }

        return null;
    }

    public static string? FineTunedBase(string name)
    {
        if (!name.StartsWith("ft:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = name.IndexOf(':', 3);
        return end > 3 ? name[..end] : null;
    }

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return span.Length > 0;
    }

    private static bool IsAsciiLettersOrDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
