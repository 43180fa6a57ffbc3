using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Authentication;

namespace Hilt.Aop;

/// <summary>Maps an exception to the HILT status and error codes (format §5).</summary>
/// <remarks>
/// A cancellation is the caller's (499) when the caller's token fired or is not known, and the client's own timeout (408)
/// when the caller's token is known and did not fire. SDK exceptions are recognised by shape, not by type: any exception with an <see cref="int"/> (or
/// <see cref="HttpStatusCode"/>) property named <c>Status</c> or <c>StatusCode</c>, read through an accessor built
/// once per exception type. Thread-safe.
/// </remarks>
internal sealed class HiltErrorClassifier
{
    private static readonly Func<Exception, int?> NoStatus = static _ => null;

    private readonly ConcurrentDictionary<Type, Func<Exception, int?>> _statusReaders = new();

    /// <summary>Classifies an exception.</summary>
    /// <param name="exception">The exception the caller receives.</param>
    /// <param name="callerToken">The caller's cancellation token, if known.</param>
    /// <returns>The status code and the error code.</returns>
    public (int StatusCode, string ErrorCode) Classify(Exception exception, CancellationToken callerToken = default)
    {
        switch (exception)
        {
            case TaskCanceledException { InnerException: TimeoutException }:
            case TimeoutException:
                return (408, "timeout");
            case OperationCanceledException when callerToken.IsCancellationRequested || !callerToken.CanBeCanceled:
                // The caller's token fired, or the caller's token is unknown: a cancellation is the caller's.
                return (499, "cancelled");
            case OperationCanceledException:
                // The caller's token did not fire, so the client cancelled on its own: its timeout.
                return (408, "timeout");
            case HttpRequestException http:
                return http.StatusCode is { } status ? FromStatus((int)status) : (503, "connection_error");
            case SocketException or AuthenticationException:
                return (503, "connection_error");
        }

        var read = _statusReaders.GetOrAdd(exception.GetType(), static type => BuildReader(type));
        if (read(exception) is { } code)
        {
            if (code > 0)
            {
                return FromStatus(code);
            }

            // Status 0: the request never got a response; a timeout underneath still says so.
            return HasInner<TimeoutException>(exception) ? (408, "timeout") : (503, "connection_error");
        }

        return (500, "api_error");
    }

    /// <summary>Maps an HTTP status to its error code.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The status and its error code.</returns>
    public static (int StatusCode, string ErrorCode) FromStatus(int status) => (status, status switch
    {
        400 or 422 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        409 => "conflict",
        429 => "rate_limit",
        >= 500 and < 600 => "server_error",
        _ => "api_error",
    });

    private static bool HasInner<T>(Exception exception)
        where T : Exception
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is T)
            {
                return true;
            }
        }

        return false;
    }

    private static Func<Exception, int?> BuildReader(Type type)
    {
        var property = FindStatusProperty(type, "Status") ?? FindStatusProperty(type, "StatusCode");
        if (property is null)
        {
            return NoStatus;
        }

        // (Exception e) => (int?)((TException)e).Status, compiled once per exception type.
        var parameter = Expression.Parameter(typeof(Exception), "e");
        Expression value = Expression.Property(Expression.Convert(parameter, type), property);
        var underlying = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (underlying != typeof(int))
        {
            value = Expression.Convert(value, property.PropertyType == underlying ? typeof(int) : typeof(int?));
        }

        if (value.Type != typeof(int?))
        {
            value = Expression.Convert(value, typeof(int?));
        }

        return Expression.Lambda<Func<Exception, int?>>(value, parameter).Compile();
    }

    private static PropertyInfo? FindStatusProperty(Type type, string name)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        if (property is null || property.GetIndexParameters().Length != 0 || !property.CanRead)
        {
            return null;
        }

        var underlying = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return underlying == typeof(int) || underlying == typeof(HttpStatusCode) ? property : null;
    }
}
