using Autofac;
using Autofac.Builder;
using Autofac.Core;
using Autofac.Core.Resolving.Pipeline;
using Castle.DynamicProxy;

namespace Hilt.Aop.Autofac.Interception;

/// <summary>
/// Castle DynamicProxy interface interception for Autofac registrations: <c>EnableInterfaceInterceptors()</c> and
/// <c>InterceptedBy(...)</c>, with the same shape as <c>Autofac.Extras.DynamicProxy</c>.
/// </summary>
/// <remarks>
/// The proxy is made in the registration's activation pipeline, after the component is constructed, its
/// properties injected and its activating handlers run; it implements every public interface of the component,
/// so one shared instance serves all of its services. Interceptors are resolved from the lifetime scope the
/// component is activated in, so a <see cref="HiltInterceptor"/> carries that scope's session. Works for
/// <c>RegisterType</c>, <c>Register(lambda)</c>, <c>RegisterGeneric</c> and <c>AsImplementedInterfaces</c>;
/// decorators registered with <c>RegisterDecorator</c> wrap the proxy.
/// </remarks>
public static class InterceptionRegistrationBuilderExtensions
{
    /// <summary>Makes the component be resolved as an interface proxy that runs its interceptors.</summary>
    /// <typeparam name="TLimit">The registration limit type.</typeparam>
    /// <typeparam name="TActivatorData">The activator data type.</typeparam>
    /// <typeparam name="TRegistrationStyle">The registration style.</typeparam>
    /// <param name="registration">The registration.</param>
    /// <returns>The registration, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registration"/> is <see langword="null"/>.</exception>
    public static IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> EnableInterfaceInterceptors<TLimit, TActivatorData, TRegistrationStyle>(
        this IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> registration) =>
        EnableInterfaceInterceptors(registration, ProxyGenerationOptions.Default);

    /// <summary>Makes the component be resolved as an interface proxy that runs its interceptors.</summary>
    /// <typeparam name="TLimit">The registration limit type.</typeparam>
    /// <typeparam name="TActivatorData">The activator data type.</typeparam>
    /// <typeparam name="TRegistrationStyle">The registration style.</typeparam>
    /// <param name="registration">The registration.</param>
    /// <param name="options">The proxy generation options (hooks, selectors, mixins).</param>
    /// <returns>The registration, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registration"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    public static IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> EnableInterfaceInterceptors<TLimit, TActivatorData, TRegistrationStyle>(
        this IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> registration,
        ProxyGenerationOptions options)
    {
        Throw.IfNull(registration);
        Throw.IfNull(options);

        var middleware = new InterfaceProxyMiddleware(options);
        registration.ConfigurePipeline(p => p.Use(middleware, MiddlewareInsertionMode.EndOfPhase));
        return registration;
    }

    /// <summary>Adds interceptors, resolved by service type, to the component.</summary>
    /// <typeparam name="TLimit">The registration limit type.</typeparam>
    /// <typeparam name="TActivatorData">The activator data type.</typeparam>
    /// <typeparam name="TRegistrationStyle">The registration style.</typeparam>
    /// <param name="registration">The registration.</param>
    /// <param name="interceptorServiceTypes">The service types of the interceptors, for example <see cref="HiltInterceptor"/>.</param>
    /// <returns>The registration, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registration"/> or <paramref name="interceptorServiceTypes"/> is <see langword="null"/>.</exception>
    public static IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> InterceptedBy<TLimit, TActivatorData, TRegistrationStyle>(
        this IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> registration,
        params Type[] interceptorServiceTypes)
    {
        Throw.IfNull(interceptorServiceTypes);
        return InterceptedBy(registration, Array.ConvertAll(interceptorServiceTypes, t => (Service)new TypedService(Throw.IfNull(t))));
    }

    /// <summary>Adds interceptors, resolved by name as <see cref="IInterceptor"/>, to the component.</summary>
    /// <typeparam name="TLimit">The registration limit type.</typeparam>
    /// <typeparam name="TActivatorData">The activator data type.</typeparam>
    /// <typeparam name="TRegistrationStyle">The registration style.</typeparam>
    /// <param name="registration">The registration.</param>
    /// <param name="interceptorServiceNames">The names the interceptors are registered under with <c>Named&lt;IInterceptor&gt;(name)</c>.</param>
    /// <returns>The registration, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registration"/> or <paramref name="interceptorServiceNames"/> is <see langword="null"/>.</exception>
    public static IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> InterceptedBy<TLimit, TActivatorData, TRegistrationStyle>(
        this IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> registration,
        params string[] interceptorServiceNames)
    {
        Throw.IfNull(interceptorServiceNames);
        return InterceptedBy(registration, Array.ConvertAll(interceptorServiceNames, n => (Service)new KeyedService(Throw.IfNull(n), typeof(IInterceptor))));
    }

    /// <summary>Adds interceptors, resolved as the given services, to the component.</summary>
    /// <typeparam name="TLimit">The registration limit type.</typeparam>
    /// <typeparam name="TActivatorData">The activator data type.</typeparam>
    /// <typeparam name="TRegistrationStyle">The registration style.</typeparam>
    /// <param name="registration">The registration.</param>
    /// <param name="interceptorServices">The interceptor services.</param>
    /// <returns>The registration, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registration"/> or <paramref name="interceptorServices"/> is <see langword="null"/>.</exception>
    public static IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> InterceptedBy<TLimit, TActivatorData, TRegistrationStyle>(
        this IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> registration,
        params Service[] interceptorServices)
    {
        Throw.IfNull(registration);
        Throw.IfNull(interceptorServices);

        var metadata = registration.RegistrationData.Metadata;
        var services = metadata.TryGetValue(InterfaceProxyMiddleware.InterceptorsKey, out var existing) && existing is IEnumerable<Service> given
            ? new List<Service>(given)
            : new List<Service>();
        foreach (var service in interceptorServices)
        {
            if (!services.Contains(Throw.IfNull(service)))
            {
                services.Add(service);
            }
        }

        metadata[InterfaceProxyMiddleware.InterceptorsKey] = services.ToArray();
        return registration;
    }
}
