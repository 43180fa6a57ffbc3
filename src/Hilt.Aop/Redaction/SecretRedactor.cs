using System.Text.Json;
using System.Text.RegularExpressions;
#if NET9_0_OR_GREATER
using System.Buffers;
#endif

namespace Hilt.Aop;

/// <summary>The default redactor: replaces credentials with a marker such as <c>[REDACTED:openai_key]</c>.</summary>
/// <remarks>
/// <para>
/// Finds OpenAI keys (<c>sk-</c>, <c>sk-proj-</c>...), Anthropic keys (<c>sk-ant-</c>), Google API keys
/// (<c>AIza</c>), <c>Bearer</c> tokens, <c>Authorization</c> and API-key header values, PEM private keys
/// and the secret fields of credential JSON (<c>private_key</c>, <c>private_key_id</c>, <c>client_secret</c>,
/// <c>refresh_token</c>, <c>access_token</c>, <c>api_key</c>), in content text, images, metadata and extra
/// keys, in extensions, provenance and actor metadata, nested values included.
/// </para>
/// <para>
/// With <see cref="HiltOptions.RedactMessageSecrets"/> off, the text of prompts, completions and other
/// messages is left as it is; the text of <c>system</c> events (errors) and every free-form value are
/// still scanned.
/// </para>
/// <para>
/// Fast path: a vectorised search for a few trigger substrings runs before any regular expression, and an
/// event with nothing to hide is returned as the same instance, with nothing allocated. The expression is
/// compiled once, with a timeout; text that cannot be scanned in time is replaced whole.
/// </para>
/// </remarks>
internal sealed partial class SecretRedactor : IHiltRedactor
{
    /// <summary>What replaces text whose scan timed out: privacy wins over completeness.</summary>
    public const string Unscanned = "[REDACTED:unscanned]";

    private const int TimeoutMilliseconds = 2000;

    private static readonly string[] _triggers =
        ["sk-", "AIza", "bearer", "authorization", "api-key", "api_key", "PRIVATE KEY", "private_key", "client_secret", "refresh_token", "access_token"];

#if NET9_0_OR_GREATER
    private static readonly SearchValues<string> _triggerValues = SearchValues.Create(_triggers, StringComparison.OrdinalIgnoreCase);
#endif

    private static readonly MatchEvaluator _evaluator = Replace;

    private readonly bool _redactMessages;

    /// <param name="redactMessages">Whether message text (not errors) is scanned too.</param>
    public SecretRedactor(bool redactMessages)
    {
        _redactMessages = redactMessages;
    }

    public HiltEvent Redact(HiltEvent hiltEvent)
    {
        var scanText = _redactMessages || string.Equals(hiltEvent.Action, HiltActions.System, StringComparison.Ordinal);
        var content = RedactContent(hiltEvent.Content, scanText);
        var extensions = RedactMap(hiltEvent.Extensions);
        var provenance = RedactMap(hiltEvent.Provenance);
        var actor = RedactActor(hiltEvent.Actor);
        if (ReferenceEquals(content, hiltEvent.Content) && ReferenceEquals(extensions, hiltEvent.Extensions)
            && ReferenceEquals(provenance, hiltEvent.Provenance) && ReferenceEquals(actor, hiltEvent.Actor))
        {
            return hiltEvent;
        }

        return new HiltEvent(hiltEvent.EventId, hiltEvent.Timestamp, hiltEvent.SessionId, actor, hiltEvent.Action)
        {
            Content = content,
            Metrics = hiltEvent.Metrics,
            Provenance = provenance,
            Extensions = extensions,
        };
    }

    /// <summary>Redacts one string; returns the same instance when there is nothing to hide.</summary>
    public static string RedactText(string text)
    {
        if (!MayContainSecret(text))
        {
            return text;
        }

        try
        {
            return SecretPattern().Replace(text, _evaluator);
        }
        catch (RegexMatchTimeoutException)
        {
            return Unscanned;
        }
    }

    internal static bool MayContainSecret(ReadOnlySpan<char> text)
    {
#if NET9_0_OR_GREATER
        return text.ContainsAny(_triggerValues);
#else
        foreach (var trigger in _triggers)
        {
            if (text.Contains(trigger, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
#endif
    }

    private static HiltContent? RedactContent(HiltContent? content, bool scanText)
    {
        if (content is null)
        {
            return null;
        }

        var text = scanText && content.Text is not null ? RedactText(content.Text) : content.Text;
        var images = RedactList(content.Images);
        var metadata = RedactMap(content.Metadata);
        var extra = RedactMap(content.Extra);
        if (ReferenceEquals(text, content.Text) && ReferenceEquals(images, content.Images)
            && ReferenceEquals(metadata, content.Metadata) && ReferenceEquals(extra, content.Extra))
        {
            return content;
        }

        return new HiltContent(text) { Images = images, Metadata = metadata, Extra = extra };
    }

    private static HiltActor RedactActor(HiltActor actor)
    {
        var metadata = RedactMap(actor.Metadata);
        return ReferenceEquals(metadata, actor.Metadata) ? actor : new HiltActor(actor.Type, actor.Id, actor.Name, metadata);
    }

    private static IReadOnlyDictionary<string, object?>? RedactMap(IReadOnlyDictionary<string, object?>? map)
    {
        if (map is null)
        {
            return null;
        }

        Dictionary<string, object?>? copy = null;
        foreach (var pair in map)
        {
            var value = RedactValue(pair.Value);
            if (copy is null && !ReferenceEquals(value, pair.Value))
            {
                copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                foreach (var earlier in map)
                {
                    if (string.Equals(earlier.Key, pair.Key, StringComparison.Ordinal))
                    {
                        break;
                    }

                    copy[earlier.Key] = earlier.Value;
                }
            }

            if (copy is not null)
            {
                copy[pair.Key] = value;
            }
        }

        return copy is null ? map : new FrozenMap(copy);
    }

    private static IReadOnlyList<object?>? RedactList(IReadOnlyList<object?>? list)
    {
        if (list is null)
        {
            return null;
        }

        object?[]? copy = null;
        for (var i = 0; i < list.Count; i++)
        {
            var value = RedactValue(list[i]);
            if (copy is null && !ReferenceEquals(value, list[i]))
            {
                copy = new object?[list.Count];
                for (var j = 0; j < i; j++)
                {
                    copy[j] = list[j];
                }
            }

            if (copy is not null)
            {
                copy[i] = value;
            }
        }

        return copy is null ? list : new FrozenList(copy);
    }

    // Boxed values (numbers, JsonElement) come back as the same boxed instance when unchanged.
    private static object? RedactValue(object? value) => value switch
    {
        string text => RedactText(text),
        IReadOnlyDictionary<string, object?> map => RedactMap(map),
        IReadOnlyList<object?> list => RedactList(list),
        JsonElement element => RedactJson(element, value),
        _ => value,
    };

    private static object RedactJson(JsonElement element, object boxed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString()!;
                var redacted = RedactText(text);
                return ReferenceEquals(text, redacted) ? boxed : redacted;
            case JsonValueKind.Object or JsonValueKind.Array:
                var raw = element.GetRawText();
                if (!MayContainSecret(raw))
                {
                    return boxed;
                }

                var clean = RedactText(raw);
                if (ReferenceEquals(clean, raw))
                {
                    return boxed;
                }

                try
                {
                    using var document = JsonDocument.Parse(clean);
                    return document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    return Unscanned;
                }

            default:
                return boxed;
        }
    }

    private static string Replace(Match match)
    {
        var groups = match.Groups;
        if (groups["pem"].Success)
        {
            return "[REDACTED:private_key]";
        }

        if (groups["jv"].Success)
        {
            return groups["jp"].Value + "[REDACTED:" + groups["jk"].Value.ToLowerInvariant() + "]";
        }

        if (groups["ant"].Success)
        {
            return "[REDACTED:anthropic_key]";
        }

        if (groups["oai"].Success)
        {
            return "[REDACTED:openai_key]";
        }

        if (groups["goog"].Success)
        {
            return "[REDACTED:google_api_key]";
        }

        if (groups["av"].Success)
        {
            return groups["ap"].Value + "[REDACTED:authorization]";
        }

        if (groups["kv"].Success)
        {
            return groups["kp"].Value + "[REDACTED:api_key]";
        }

        return groups["bp"].Value + "[REDACTED:bearer_token]";
    }

    // One pass over the text, leftmost match first. Key shapes: OpenAI sk-[proj-|svcacct-|admin-]…,
    // Anthropic sk-ant-…, Google AIza + 35. A key must not follow a letter, digit, '_' or '-', so
    // "task-runner" or "ask-me" never match. Credential JSON is matched plain or escaped once (\"key\").
    [GeneratedRegex(
        """
        (?<pem>-----BEGIN[A-Z0-9 ]*PRIVATE\ KEY-----.*?(?:-----END[A-Z0-9 ]*PRIVATE\ KEY-----|\z))
        |(?<jp>\\?"(?<jk>(?i:private_key_id|private_key|client_secret|refresh_token|access_token|api_key))\\?"\s*:\s*\\?")(?<jv>(?:[^"\\]|\\[^"])+)
        |(?<![A-Za-z0-9_-])(?<ant>sk-ant-[A-Za-z0-9_-]{16,})
        |(?<![A-Za-z0-9_-])(?<oai>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,})
        |(?<![A-Za-z0-9_-])(?<goog>AIza[0-9A-Za-z_-]{35})
        |(?<ap>(?i:\bauthorization)["']?\s*[:=]\s*["']?)(?<av>(?i:(?:bearer|basic|token|digest|bot)\s+)[^\s"',;}]+|[^\s"',;}]{8,})
        |(?<kp>(?i:\b(?:x-api-key|x-goog-api-key|api-key))["']?\s*[:=]\s*["']?)(?<kv>[^\s"',;}]{8,})
        |(?<bp>(?i:\bbearer)\s+)(?<bv>[A-Za-z0-9._~+/-]{16,}=*)
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeoutMilliseconds)]
    private static partial Regex SecretPattern();
}
