using Castle.DynamicProxy;

namespace Hilt.Aop;

/// <summary>Creates logging proxies without a container.</summary>
/// <remarks>All proxies share one <see cref="ProxyGenerator"/>, so each interface's proxy type is generated once per process.</remarks>
public static class HiltProxy
{
    /// <summary>Gets the proxy generator every Hilt package shares.</summary>
    internal static ProxyGenerator Generator { get; } = new();

    /// <summary>Creates a proxy of an interface that records the chat calls made through it.</summary>
    /// <typeparam name="TInterface">The interface type.</typeparam>
    /// <param name="target">The object the calls go to.</param>
    /// <param name="recorder">The recorder that receives the events.</param>
    /// <returns>The proxy: it behaves as <paramref name="target"/> in every way the caller can see.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> or <paramref name="recorder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="TInterface"/> is not an interface.</exception>
    public static TInterface Create<TInterface>(TInterface target, HiltRecorder recorder)
        where TInterface : class =>
        Create(target, new HiltInterceptor(Throw.IfNull(recorder)));

    /// <summary>Creates a proxy of an interface that records the chat calls made through it with a given interceptor.</summary>
    /// <typeparam name="TInterface">The interface type.</typeparam>
    /// <param name="target">The object the calls go to.</param>
    /// <param name="interceptor">The interceptor, for example one built for a container scope's session.</param>
    /// <returns>The proxy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> or <paramref name="interceptor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="TInterface"/> is not an interface.</exception>
    public static TInterface Create<TInterface>(TInterface target, HiltInterceptor interceptor)
        where TInterface : class
    {
        Throw.IfNull(target);
        Throw.IfNull(interceptor);
        if (!typeof(TInterface).IsInterface)
        {
            throw new ArgumentException($"{typeof(TInterface).FullName} is not an interface; HiltProxy creates interface proxies.", nameof(TInterface));
        }

        return Generator.CreateInterfaceProxyWithTarget(target, interceptor);
    }
}
