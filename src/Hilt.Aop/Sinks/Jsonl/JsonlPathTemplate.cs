using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hilt.Aop;

/// <summary>Turns the configured path (maybe with <c>{tenant}</c>) into the file an event goes to, never outside the log folder.</summary>
internal sealed class JsonlPathTemplate
{
    public const string TenantPlaceholder = "{tenant}";
    private const int MaxTenantLength = 64;

    private readonly string _template;
    private readonly string _rootWithSeparator;

    public JsonlPathTemplate(string path, string defaultTenant)
    {
        _template = Path.GetFullPath(path);
        HasTenant = _template.Contains(TenantPlaceholder, StringComparison.Ordinal);
        DefaultTenant = SanitizeTenant(defaultTenant, "_default");
        var prefix = HasTenant ? _template[.._template.IndexOf(TenantPlaceholder, StringComparison.Ordinal)] : _template;
        Root = Path.GetDirectoryName(prefix) ?? Path.GetPathRoot(_template)!;
        _rootWithSeparator = Path.EndsInDirectorySeparator(Root) ? Root : Root + Path.DirectorySeparatorChar;
    }

    /// <summary>Gets whether the path routes by tenant.</summary>
    public bool HasTenant { get; }

    /// <summary>Gets the folder every file stays inside: the template's folder up to the first placeholder.</summary>
    public string Root { get; }

    /// <summary>Gets the sanitised name used for events without a tenant.</summary>
    public string DefaultTenant { get; }

    /// <summary>Gets the full path of the file for a tenant, before rolling suffixes.</summary>
    public string Resolve(string? tenant)
    {
        if (!HasTenant)
        {
            return _template;
        }

        var resolved = Path.GetFullPath(_template.Replace(TenantPlaceholder, SanitizeTenant(tenant, DefaultTenant), StringComparison.Ordinal));

        // Sanitising already keeps names to one plain path segment; this guard keeps that promise if it ever changes.
        return resolved.StartsWith(_rootWithSeparator, StringComparison.Ordinal)
            ? resolved
            : _template.Replace(TenantPlaceholder, DefaultTenant, StringComparison.Ordinal);
    }

    /// <summary>Inserts the rolling suffixes before the extension: <c>chat.jsonl</c> → <c>chat-2026-12-04_002.jsonl</c>.</summary>
    public static string RollPath(string path, string? date, int sequence)
    {
        if (date is null && sequence == 0)
        {
            return path;
        }

        var folder = Path.GetDirectoryName(path) ?? string.Empty;
        var name = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        var builder = new StringBuilder(name);
        if (date is not null)
        {
            builder.Append('-').Append(date);
        }

        if (sequence > 0)
        {
            builder.Append('_').Append(sequence.ToString("D3", CultureInfo.InvariantCulture));
        }

        return Path.Combine(folder, builder.Append(extension).ToString());
    }

    /// <summary>
    /// Makes a tenant name one plain file-name segment: a safe name (ASCII letters, digits, <c>-</c>, <c>_</c>, inner dots,
    /// at most 64 characters, not a device name) is kept as it is; anything else has its unsafe characters replaced and a
    /// hash of the original appended, so two different tenants never share a file.
    /// </summary>
    public static string SanitizeTenant(string? tenant, string fallback)
    {
        if (string.IsNullOrWhiteSpace(tenant))
        {
            return fallback;
        }

        if (IsSafe(tenant))
        {
            return tenant;
        }

        var builder = new StringBuilder(MaxTenantLength);
        foreach (var c in tenant)
        {
            if (builder.Length == MaxTenantLength - 9)
            {
                break;
            }

            builder.Append(IsSafeChar(c) && !(c == '.' && builder.Length == 0) ? c : '_');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Utf16Text.ReplaceLoneSurrogates(tenant)));
        return builder.Append('-').Append(Convert.ToHexString(hash, 0, 4).ToLowerInvariant()).ToString();
    }

    private static bool IsSafe(string name)
    {
        if (name.Length > MaxTenantLength || name[0] == '.' || name[^1] == '.')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsSafeChar(c))
            {
                return false;
            }
        }

        return !IsDeviceName(name);
    }

    private static bool IsSafeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    // Windows reserves these names (with any extension) in every folder.
    private static bool IsDeviceName(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = (dot < 0 ? name : name[..dot]).ToUpperInvariant();
        return stem is "CON" or "PRN" or "AUX" or "NUL" or "CONIN$" or "CONOUT$"
            || (stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal)) && char.IsAsciiDigit(stem[3]));
    }
}
