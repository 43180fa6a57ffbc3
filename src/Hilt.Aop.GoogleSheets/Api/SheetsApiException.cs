using System.Net;

namespace Hilt.Aop.GoogleSheets;

/// <summary>A failed call to the Sheets API or its token endpoint; the message never holds credentials.</summary>
internal sealed class SheetsApiException : Exception
{
    public SheetsApiException(SheetsFailureKind kind, string message, HttpStatusCode? statusCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public SheetsFailureKind Kind { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets the server's <c>Retry-After</c>, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsTransient => Kind == SheetsFailureKind.Transient;
}
