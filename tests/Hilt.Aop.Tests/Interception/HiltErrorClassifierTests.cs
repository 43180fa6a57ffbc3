using System.Net;
using System.Net.Sockets;

namespace Hilt.Aop.Tests.Interception;

public class HiltErrorClassifierTests
{
    public static TheoryData<Exception, int, string> Cases => new()
    {
        { new HttpRequestException("x", null, HttpStatusCode.BadRequest), 400, "bad_request" },
        { new HttpRequestException("x", null, HttpStatusCode.UnprocessableEntity), 422, "bad_request" },
        { new HttpRequestException("x", null, HttpStatusCode.Unauthorized), 401, "unauthorized" },
        { new HttpRequestException("x", null, HttpStatusCode.Forbidden), 403, "forbidden" },
        { new HttpRequestException("x", null, HttpStatusCode.NotFound), 404, "not_found" },
        { new HttpRequestException("x", null, HttpStatusCode.Conflict), 409, "conflict" },
        { new HttpRequestException("x", null, HttpStatusCode.TooManyRequests), 429, "rate_limit" },
        { new HttpRequestException("x", null, HttpStatusCode.InternalServerError), 500, "server_error" },
        { new HttpRequestException("x", null, HttpStatusCode.ServiceUnavailable), 503, "server_error" },
        { new HttpRequestException("x", null, (HttpStatusCode)418), 418, "api_error" },
        { new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), 503, "connection_error" },
        { new SocketException((int)SocketError.HostNotFound), 503, "connection_error" },
        { new TaskCanceledException("timed out", new TimeoutException()), 408, "timeout" },
        { new TimeoutException(), 408, "timeout" },
        { new OperationCanceledException(), 499, "cancelled" },
        { new StatusException(429), 429, "rate_limit" },
        { new StatusException(502), 502, "server_error" },
        { new StatusException(0), 503, "connection_error" },
        { new StatusCodeException(HttpStatusCode.Forbidden), 403, "forbidden" },
        { new NullableStatusCodeException(401), 401, "unauthorized" },
        { new NullableStatusCodeException(null), 500, "api_error" },
        { new InvalidOperationException("bug"), 500, "api_error" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_Exception_GivesSpecCodes(Exception exception, int status, string code)
    {
        var classifier = new HiltErrorClassifier();

        Assert.Equal((status, code), classifier.Classify(exception));
        Assert.Equal((status, code), classifier.Classify(exception));
    }

    [Fact]
    public void Classify_CallerTokenCancelled_IsCancelledEvenForTaskCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Equal((499, "cancelled"), new HiltErrorClassifier().Classify(new TaskCanceledException("c", null, cts.Token), cts.Token));
    }

    [Fact]
    public void Classify_CancelledWhileCallerTokenDidNotFire_IsTheClientsTimeout()
    {
        using var callerCts = new CancellationTokenSource();
        using var clientCts = new CancellationTokenSource();
        clientCts.Cancel();

        Assert.Equal((408, "timeout"), new HiltErrorClassifier().Classify(new OperationCanceledException(clientCts.Token), callerCts.Token));
    }

    public sealed class StatusException(int status) : Exception("status")
    {
        public int Status { get; } = status;
    }

    public sealed class StatusCodeException(HttpStatusCode statusCode) : Exception("status code")
    {
        public HttpStatusCode StatusCode { get; } = statusCode;
    }

    public sealed class NullableStatusCodeException(int? statusCode) : Exception("maybe")
    {
        public int? StatusCode { get; } = statusCode;
    }
}
