namespace Hilt.Aop.GoogleSheets;

/// <summary>Gives OAuth access tokens for the Sheets API.</summary>
internal interface IAccessTokenSource
{
    /// <summary>Gets a valid token, from cache when it has not expired.</summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Gets a new token, after the server refused the cached one.</summary>
    Task<string> RefreshTokenAsync(CancellationToken cancellationToken);
}
