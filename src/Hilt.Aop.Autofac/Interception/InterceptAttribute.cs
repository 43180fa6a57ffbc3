using Autofac.Core;

namespace Hilt.Aop.Autofac.Interception;

/// <summary>Marks a class or interface as intercepted by an interceptor service, for components registered with <c>EnableInterfaceInterceptors()</c>.</summary>
/// <remarks>
/// Read from the component's class and from every interface it is proxied for, so
/// <c>[Intercept(typeof(HiltInterceptor))]</c> on a chat interface intercepts every component that implements it.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, AllowMultiple = true, Inherited = true)]
public sealed class InterceptAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="InterceptAttribute"/> class for an interceptor resolved by type.</summary>
    /// <param name="interceptorServiceType">The service type of the interceptor, for example <see cref="HiltInterceptor"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="interceptorServiceType"/> is <see langword="null"/>.</exception>
    public InterceptAttribute(Type interceptorServiceType)
    {
        InterceptorService = new TypedService(Throw.IfNull(interceptorServiceType));
    }

    /// <summary>Initializes a new instance of the <see cref="InterceptAttribute"/> class for an interceptor resolved by name.</summary>
    /// <param name="interceptorServiceName">The name the interceptor is registered under (as an <see cref="Castle.DynamicProxy.IInterceptor"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="interceptorServiceName"/> is <see langword="null"/>.</exception>
    public InterceptAttribute(string interceptorServiceName)
    {
        InterceptorService = new KeyedService(Throw.IfNull(interceptorServiceName), typeof(Castle.DynamicProxy.IInterceptor));
    }

    /// <summary>Gets the interceptor service.</summary>
    public Service InterceptorService { get; }
}
