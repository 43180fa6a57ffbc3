using System.Reflection;

namespace Hilt.Aop;

/// <summary>Names the session (and optionally the tenant, user or a fixed conversation key) of every chat call made through an interface, a class or a method.</summary>
/// <remarks>
/// <para>Where a call's session values come from, strongest first (a stronger source wins for each value it sets; unset values fall through):</para>
/// <list type="number">
/// <item><description>the call's own arguments: a <see cref="HiltConversationIdAttribute"/> parameter, <c>ChatOptions.ConversationId</c> (conversation key only);</description></item>
/// <item><description><c>[HiltSession(Override = true)]</c>: on the method, then on the type;</description></item>
/// <item><description>the caller's explicit scopes (<see cref="HiltScope.Begin(HiltSession)"/>), innermost first;</description></item>
/// <item><description><c>[HiltSession]</c>: on the method (the interface method, then the implementing class's method), then on the type (the class, then the interface);</description></item>
/// <item><description>the container scope's session (an Autofac lifetime scope, a <see cref="HiltInterceptor"/> built with one);</description></item>
/// <item><description><see cref="HiltOptions.DefaultSession"/>.</description></item>
/// </list>
/// <para>While an intercepted call runs, the merged session is its ambient scope, so chat calls it makes in turn inherit it.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class HiltSessionAttribute : Attribute
{
    /// <summary>Gets or sets the session name, written as the <c>session</c> extension.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the tenant, written as the <c>tenant</c> extension.</summary>
    public string? Tenant { get; set; }

    /// <summary>Gets or sets the user id: the prompt's actor id and the <c>user</c> extension.</summary>
    public string? User { get; set; }

    /// <summary>Gets or sets a fixed conversation key: every call through the annotated member joins that conversation.</summary>
    public string? ConversationKey { get; set; }

    /// <summary>Gets or sets a value indicating whether this attribute wins over a scope the caller opened explicitly.</summary>
    /// <value>The default value is <see langword="false"/>: the caller's explicit scope wins.</value>
    public bool Override { get; set; }

    internal HiltSession ToSession() => new() { Name = Name, Tenant = Tenant, User = User, ConversationKey = ConversationKey };

    /// <summary>Reads the attributes that apply to a method, once, into the sessions the interceptor layers.</summary>
    /// <param name="method">The method as the caller sees it.</param>
    /// <param name="targetType">The class behind it, if known.</param>
    /// <returns>The session that yields to explicit scopes, and the one that overrides them.</returns>
    internal static (HiltSession? Yielding, HiltSession? Overriding) Resolve(MethodInfo method, Type? targetType)
    {
        var targetMethod = FindImplementation(method, targetType);

        // Strongest first.
        Span<HiltSessionAttribute?> found =
        [
            method.GetCustomAttribute<HiltSessionAttribute>(),
            targetMethod?.GetCustomAttribute<HiltSessionAttribute>(),
            targetType?.GetCustomAttribute<HiltSessionAttribute>(),
            method.DeclaringType?.GetCustomAttribute<HiltSessionAttribute>(),
        ];

        HiltSession? yielding = null;
        HiltSession? overriding = null;
        for (var i = found.Length - 1; i >= 0; i--)
        {
            if (found[i] is not { } attribute)
            {
                continue;
            }

            if (attribute.Override)
            {
                overriding = attribute.ToSession().InheritFrom(overriding);
            }
            else
            {
                yielding = attribute.ToSession().InheritFrom(yielding);
            }
        }

        return (yielding, overriding);
    }

    private static MethodInfo? FindImplementation(MethodInfo method, Type? targetType)
    {
        if (targetType is null || method.DeclaringType is not { IsInterface: true } declaring || targetType.IsInterface || !declaring.IsAssignableFrom(targetType))
        {
            return null;
        }

        var map = targetType.GetInterfaceMap(declaring);
        var index = Array.IndexOf(map.InterfaceMethods, method);
        return index >= 0 ? map.TargetMethods[index] : null;
    }
}
