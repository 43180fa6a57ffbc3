using System.ClientModel;

namespace Hilt.Aop.OpenAI;

/// <summary>Maps the OpenAI SDK's exceptions to HILT status and error codes (format §5).</summary>
internal static class OpenAIErrors
{
    /// <summary>Classifies a failure of a call.</summary>
    /// <param name="exception">What the SDK threw.</param>
    /// <param name="callerCancelled">Whether the caller's own token had fired when the call failed.</param>
    /// <returns>The status code and error code to write.</returns>
    public static (int StatusCode, string ErrorCode) Classify(Exception exception, bool callerCancelled)
    {
        switch (exception)
        {
            case OperationCanceledException when callerCancelled:
                return (499, "cancelled");
            case OperationCanceledException or TimeoutException:
                // The SDK's NetworkTimeout surfaces as a cancellation the caller did not ask for.
                return (408, "timeout");
            case ClientResultException { Status: 0 }:
            case HttpRequestException { StatusCode: null }:
                // No response at all: refused, DNS, TLS.
                return (503, "connection_error");
            case ClientResultException result:
                return (result.Status, CodeOf(result.Status));
            case HttpRequestException { StatusCode: { } status }:
                return ((int)status, CodeOf((int)status));
            default:
                return (500, "api_error");
        }
    }

    /// <summary>Gets the error code of an HTTP status.</summary>
    public static string CodeOf(int status) => status switch
    {
        400 or 422 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        409 => "conflict",
        429 => "rate_limit",
        >= 500 and < 600 => "server_error",
        _ => "api_error",
    };
}
