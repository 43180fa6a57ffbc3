using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;

namespace Hilt.Aop.GoogleSheets;

/// <summary>Access tokens from a service-account key, through Google.Apis.Auth's JWT-bearer flow.</summary>
internal sealed class ServiceAccountTokenSource : IAccessTokenSource
{
    public const string SheetsScope = "https://www.googleapis.com/auth/spreadsheets";

    private readonly ServiceAccountCredential _credential;

    private ServiceAccountTokenSource(ServiceAccountCredential credential)
    {
        _credential = credential;
    }

    /// <exception cref="ArgumentException">The key's <c>private_key</c> is not a usable RSA key.</exception>
    public static ServiceAccountTokenSource Create(ServiceAccountKey key, string tokenUri, string paramName)
    {
        ServiceAccountCredential.Initializer initializer;
        try
        {
            initializer = new ServiceAccountCredential.Initializer(key.ClientEmail, tokenUri)
            {
                Scopes = [SheetsScope],
                KeyId = key.PrivateKeyId,

                // The sink has its own retry policy and spool; a second, hidden one would only stretch outages.
                DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
            }.FromPrivateKey(key.PrivateKey);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The inner exception is left out on purpose: parsers may echo the key material.
            throw new ArgumentException($"The 'private_key' of the Google credentials for {key.ClientEmail} is not a PEM-encoded RSA private key. Download a new JSON key for the service account.", paramName);
        }

        return new ServiceAccountTokenSource(new ServiceAccountCredential(initializer));
    }

    public Task<string> GetTokenAsync(CancellationToken cancellationToken) =>
        _credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken);

    public async Task<string> RefreshTokenAsync(CancellationToken cancellationToken)
    {
        await _credential.RequestAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        return await _credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
