using System.ClientModel;

namespace Hilt.Aop.OpenAI;

/// <summary>Maps the OpenAI SDK's exceptions to HILT status and error codes (format §5).</summary>
internal static class OpenAIErrors
{
    /// <summary>Classifies a failure of a call.</summary>
    /// <param name="exception">What the SDK threw.</param>
    /// <param name="callerCancelled">Whether the caller's own token had fired when the call failed.</param>
    /// <returns>The status code and error code to write.</returns>
    public static (int StatusCode, string ErrorCode) Classify(Exception exception, bool callerCancelled) => exception switch
    {
        OperationCanceledException when callerCancelled => (499, "cancelled"),

        // Inside the SDK only its NetworkTimeout cancels a call, as a bare TaskCanceledException.
        OperationCanceledException or TimeoutException => (408, "timeout"),

        // Status 0: no response at all (refused, DNS, TLS).
        ClientResultException { Status: 0 } => (503, "connection_error"),
        ClientResultException result => HiltErrorClassifier.FromStatus(result.Status),
        HttpRequestException { StatusCode: { } status } => HiltErrorClassifier.FromStatus((int)status),
        HttpRequestException => (503, "connection_error"),
        _ => (500, "api_error"),
    };
}
