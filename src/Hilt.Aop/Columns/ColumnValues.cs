using System.Globalization;
using System.Text;

namespace Hilt.Aop;

/// <summary>Derives each dashboard column from an event, as the HILT format's column table says.</summary>
internal static class ColumnValues
{
    public const int MessageLimit = 500;

    public static object? Get(HiltEvent e, string column) => column switch
    {
        HiltColumns.Timestamp => e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        HiltColumns.ConversationId => e.SessionId,
        HiltColumns.EventId => e.EventId,
        HiltColumns.ReplyTo => e.GetExtension(HiltExtensionKeys.ReplyTo),
        HiltColumns.StatusCode => e.GetExtension(HiltExtensionKeys.StatusCode),
        HiltColumns.Session => SessionAlias(e.SessionId),
        HiltColumns.Speaker => $"{e.Actor.Type}: {e.Actor.Id}",
        HiltColumns.Action => e.Action,
        HiltColumns.Message => e.Content?.Text is { } text ? Message(text) : null,
        HiltColumns.TokensIn => e.Metrics?.Tokens?.Prompt,
        HiltColumns.TokensOut => e.Metrics?.Tokens?.Completion,
        HiltColumns.CostUsd => e.Metrics?.CostUsd is { } cost ? Math.Round(cost, 6, MidpointRounding.AwayFromZero) : null,
        HiltColumns.LatencyMs => e.GetExtension(HiltExtensionKeys.LatencyMs) ?? e.Metrics?.LatencyMs,
        HiltColumns.Model => e.GetExtension(HiltExtensionKeys.Model),
        HiltColumns.RelevanceScore => e.GetExtension(HiltExtensionKeys.Score) ?? e.GetExtension(HiltExtensionKeys.RelevanceScore),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Unknown column."),
    };

    /// <summary><c>conv_</c> ids become <c>Conv.</c> + 8 characters, <c>rag_chat_</c> becomes <c>Conv.</c>, others keep 12 characters.</summary>
    public static string SessionAlias(string sessionId)
    {
        const string ConvPrefix = "conv_";
        const string RagPrefix = "rag_chat_";
        if (sessionId.StartsWith(ConvPrefix, StringComparison.Ordinal))
        {
            var rest = sessionId.AsSpan(ConvPrefix.Length);
            return string.Concat("Conv.", rest[..Math.Min(8, rest.Length)]);
        }

        if (sessionId.StartsWith(RagPrefix, StringComparison.Ordinal))
        {
            return string.Concat("Conv.", sessionId.AsSpan(RagPrefix.Length));
        }

        return sessionId.Length <= 12 ? sessionId : sessionId[..12];
    }

    /// <summary>Collapses every run of white space to one space, trims, and cuts past 500 code points to 497 + <c>...</c>.</summary>
    public static string Message(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MessageLimit * 2));
        var pendingSpace = false;
        var codePoints = 0;
        var overflow = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            var extra = pendingSpace ? 2 : 1;
            if (codePoints + extra > MessageLimit)
            {
                overflow = true;
                break;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                codePoints++;
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
            codePoints++;
        }

        if (!overflow)
        {
            return builder.ToString();
        }

        // Cut back to 497 code points, then mark the cut.
        var kept = new StringBuilder();
        var count = 0;
        foreach (var rune in builder.ToString().EnumerateRunes())
        {
            if (count == MessageLimit - 3)
            {
                break;
            }

            kept.Append(rune.ToString());
            count++;
        }

        return kept.Append("...").ToString();
    }
}
