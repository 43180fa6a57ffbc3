namespace Hilt.Aop.GoogleSheets;

/// <summary>Why a call to Google failed, which decides whether it is retried.</summary>
internal enum SheetsFailureKind
{
    /// <summary>429, 5xx, a network error or a timeout: worth retrying.</summary>
    Transient,

    /// <summary>401 even after a fresh token.</summary>
    Unauthorized,

    /// <summary>403: the sheet is not shared with the service account, or the API is off.</summary>
    Forbidden,

    /// <summary>404: no such spreadsheet.</summary>
    NotFound,

    /// <summary>The token endpoint refused the key.</summary>
    Credentials,

    /// <summary>The worksheet's header differs from the columns and the policy says stop.</summary>
    HeaderMismatch,

    /// <summary>Any other 4xx: the request itself was refused.</summary>
    Rejected,
}
