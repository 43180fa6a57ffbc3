using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Hilt.Aop;

/// <summary>Argument guards that return the checked value, so they read inline.</summary>
internal static class Throw
{
    public static T IfNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return argument;
    }

    public static string IfNullOrWhiteSpace([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ArgumentException("The value cannot be empty or white space.", paramName);
        }

        return argument;
    }

    public static string IfNotOneOf(string? argument, IReadOnlyCollection<string> allowed, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }

        foreach (var value in allowed)
        {
            if (string.Equals(value, argument, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new ArgumentException($"'{argument}' is not allowed here; use one of: {string.Join(", ", allowed)}.", paramName);
    }

    public static T IfLessThan<T>(T argument, T min, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : IComparable<T>
    {
        if (argument.CompareTo(min) < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, argument, $"The value must be at least {min}.");
        }

        return argument;
    }
}
