using System.Text;
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

    // How far before "PRIVATE KEY" its "-----BEGIN" may be: "-----BEGIN ENCRYPTED PRIVATE KEY".
    private const int LookBack = 40;

    private const int PemStart = int.MinValue;

    private static readonly string[] _triggers =
        ["sk-", "AIza", "bearer", "authorization", "api-key", "api_key", "PRIVATE KEY", "private_key", "client_secret", "refresh_token", "access_token"];

    // Per trigger, where the secret's match may start relative to it: at the trigger; before a JSON key's
    // quote (", \" or \u0022); at the "x-" or "x-goog-" of an api-key header; at a PEM block's "-----BEGIN".
    private static readonly int[][] _startOffsets =
        [[0], [0], [0], [0], [0, -2, -7], [-1, -2, -6], [PemStart], [-1, -2, -6], [-1, -2, -6], [-1, -2, -6], [-1, -2, -6]];

#if NET9_0_OR_GREATER
    private static readonly SearchValues<string> _triggerValues = SearchValues.Create(_triggers, StringComparison.OrdinalIgnoreCase);
#endif

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
            return RedactAtTriggers(text);
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

    // The expression is anchored and tried only where a secret could start next to a trigger, so a long
    // text with many harmless triggers ("task-", "bearer of") costs a few short tries each, never a rescan.
    private static string RedactAtTriggers(string text)
    {
        var finder = new TriggerFinder(text);
        var regex = SecretPattern();
        StringBuilder? result = null;
        var copied = 0;
        var position = 0;
        while (position < text.Length && finder.Next(position, out var trigger) is var index && index >= 0)
        {
            Match? found = null;
            foreach (var offset in trigger < 0 ? [] : _startOffsets[trigger])
            {
                var start = offset == PemStart ? PemBegin(text, index) : index + offset;
                if (start >= copied && start <= text.Length && regex.Match(text, start) is { Success: true } match)
                {
                    found = match;
                    break;
                }
            }

            if (found is null)
            {
                position = index + 1;
                continue;
            }

            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, found.Index - copied).Append(Replace(found));
            copied = position = found.Index + found.Length;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static int PemBegin(string text, int privateKey)
    {
        var from = Math.Max(0, privateKey - LookBack);
        var begin = text.AsSpan(from, privateKey - from).LastIndexOf("-----BEGIN", StringComparison.Ordinal);
        return begin < 0 ? -1 : from + begin;
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

        // Events hold FrozenMaps: enumerating one directly uses its struct enumerator, so a clean map costs
        // no allocation. A map with a secret is copied, and only then is its secret scanned a second time.
        if (map is FrozenMap frozen)
        {
            foreach (var pair in frozen)
            {
                if (!ReferenceEquals(RedactValue(pair.Value), pair.Value))
                {
                    return CopyRedacted(map);
                }
            }

            return map;
        }

        foreach (var pair in map)
        {
            if (!ReferenceEquals(RedactValue(pair.Value), pair.Value))
            {
                return CopyRedacted(map);
            }
        }

        return map;
    }

    private static FrozenMap CopyRedacted(IReadOnlyDictionary<string, object?> map)
    {
        var copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        foreach (var pair in map)
        {
            copy[pair.Key] = RedactValue(pair.Value);
        }

        return new FrozenMap(copy);
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

    // Anchored where it is tried (\G). Key shapes: OpenAI
    // sk-[proj-|svcacct-|admin-]…, Anthropic sk-ant-…, Google AIza + 35. A key must not follow a letter,
    // digit, '_' or '-', so "task-runner" or "ask-me" never match. Credential JSON is matched plain or
    // escaped once (\"key\" or \u0022key\u0022).
    [GeneratedRegex(
        """
        \G(?:
         (?<pem>-----BEGIN[A-Z0-9 ]*PRIVATE\ KEY-----.*?(?:-----END[A-Z0-9 ]*PRIVATE\ KEY-----|\z))
        |(?<jp>(?:\\u0022|\\?")(?<jk>(?i:private_key_id|private_key|client_secret|refresh_token|access_token|api_key))(?:\\u0022|\\?")\s*:\s*(?:\\u0022|\\?"))(?<jv>(?:[^"\\]|\\(?!"|u0022).)+)
        |(?<![A-Za-z0-9_-])(?<ant>sk-ant-[A-Za-z0-9_-]{16,})
        |(?<![A-Za-z0-9_-])(?<oai>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,})
        |(?<![A-Za-z0-9_-])(?<goog>AIza[0-9A-Za-z_-]{35})
        |(?<ap>(?i:\bauthorization)\\?["']?\s*[:=]\s*\\?["']?)(?<av>(?i:(?:bearer|basic|token|digest|bot)\s+)[^\s"',;}\\]+|[^\s"',;}\\]{8,})
        |(?<kp>(?i:\b(?:x-api-key|x-goog-api-key|api-key))\\?["']?\s*[:=]\s*\\?["']?)(?<kv>[^\s"',;}\\]{8,})
        |(?<bp>(?i:\bbearer)\s+)(?<bv>[A-Za-z0-9._~+/-]{16,}=*)
        )
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeoutMilliseconds)]
    private static partial Regex SecretPattern();

    /// <summary>Finds trigger substrings in order, without rescanning the text for each one.</summary>
    private readonly struct TriggerFinder
    {
        private readonly string _text;
#if !NET9_0_OR_GREATER
        private readonly int[] _next;
#endif

        public TriggerFinder(string text)
        {
            _text = text;
#if !NET9_0_OR_GREATER
            _next = new int[_triggers.Length];
            Array.Fill(_next, -2);
#endif
        }

        /// <summary>Returns the index of the first trigger at or after <paramref name="from"/>, or -1.</summary>
        public int Next(int from, out int trigger)
        {
            trigger = -1;
#if NET9_0_OR_GREATER
            var index = _text.AsSpan(from).IndexOfAny(_triggerValues);
            if (index < 0)
            {
                return -1;
            }

            index += from;
            for (var i = 0; i < _triggers.Length; i++)
            {
                if (_text.AsSpan(index).StartsWith(_triggers[i], StringComparison.OrdinalIgnoreCase))
                {
                    trigger = i;
                    break;
                }
            }

            return index;
#else
            var best = -1;
            for (var i = 0; i < _triggers.Length; i++)
            {
                if (_next[i] == -2 || (_next[i] >= 0 && _next[i] < from))
                {
                    _next[i] = _text.IndexOf(_triggers[i], from, StringComparison.OrdinalIgnoreCase);
                }

                if (_next[i] >= 0 && (best < 0 || _next[i] < best))
                {
                    best = _next[i];
                    trigger = i;
                }
            }

            return best;
#endif
        }
    }
}
