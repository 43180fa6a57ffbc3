using System.Text.Json;

namespace Hilt.Aop.GoogleSheets;

/// <summary>The parts of a service-account key file the sink needs.</summary>
/// <remarks>Error messages name the missing or broken field, never its value: the key is a secret.</remarks>
internal sealed class ServiceAccountKey
{
    public const string DefaultTokenUri = "https://oauth2.googleapis.com/token";

    private ServiceAccountKey(string clientEmail, string privateKey, string? privateKeyId, string tokenUri)
    {
        ClientEmail = clientEmail;
        PrivateKey = privateKey;
        PrivateKeyId = privateKeyId;
        TokenUri = tokenUri;
    }

    public string ClientEmail { get; }

    public string PrivateKey { get; }

    public string? PrivateKeyId { get; }

    public string TokenUri { get; }

    /// <summary>Parses a key; <paramref name="source"/> says where it came from, for the error message.</summary>
    /// <exception cref="ArgumentException">The JSON is not a service-account key.</exception>
    public static ServiceAccountKey Parse(string json, string source, string paramName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // The parser's message may quote the text, which holds the private key: say only where it broke.
            throw new ArgumentException($"The Google credentials from {source} are not valid JSON. Use the service-account key file downloaded from the Google Cloud console (IAM > Service accounts > Keys > Add key > JSON).", paramName);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"The Google credentials from {source} are not a JSON object. Use a service-account key file.", paramName);
            }

            var type = Read(root, "type");
            if (type is not null && type != "service_account")
            {
                throw new ArgumentException($"The Google credentials from {source} are of type '{type}'; the Sheets sink needs a key of type 'service_account'.", paramName);
            }

            var email = Read(root, "client_email") ?? throw Missing("client_email", source, paramName);
            var key = Read(root, "private_key") ?? throw Missing("private_key", source, paramName);
            var tokenUri = Read(root, "token_uri") ?? DefaultTokenUri;
            if (!Uri.TryCreate(tokenUri, UriKind.Absolute, out _))
            {
                throw new ArgumentException($"The Google credentials from {source} have a 'token_uri' that is not an absolute URL.", paramName);
            }

            return new ServiceAccountKey(email, key, Read(root, "private_key_id"), tokenUri);
        }
    }

    private static string? Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static ArgumentException Missing(string field, string source, string paramName) =>
        new($"The Google credentials from {source} have no '{field}'. Use a service-account key file (type 'service_account').", paramName);
}
