using System.Reflection;
using Autofac;
using Autofac.Core;
using Autofac.Core.Resolving.Pipeline;
using Castle.DynamicProxy;

namespace Hilt.Aop.Autofac.Interception;

/// <summary>Swaps an activated component for an interface proxy that runs its interceptors.</summary>
internal static class InterfaceInterception
{
    /// <summary>The registration metadata key holding the interceptor services given with <c>InterceptedBy</c>.</summary>
    internal const string InterceptorsKey = "Hilt.Aop.Autofac.Interception.Interceptors";

    // Castle caches every generated proxy type in its generator; one per process keeps that cache shared.
    private static readonly ProxyGenerator Generator = new();

    public static void Activate(ResolveRequestContext context, Action<ResolveRequestContext> next, ProxyGenerationOptions options)
    {
        next(context);

        var target = context.Instance;
        if (target is null)
        {
            return;
        }

        var targetType = target.GetType();
        var interfaces = ProxyableInterfaces(targetType);
        var services = InterceptorServices(context.Registration, targetType, interfaces);
        if (services.Count == 0)
        {
            return;
        }

        if (interfaces.Length == 0)
        {
            throw new DependencyResolutionException(
                $"The component {context.Registration} uses interface interception, but {targetType} implements no interface a proxy can be made for (public, or internal with InternalsVisibleTo DynamicProxyGenAssembly2).");
        }

        var requested = (context.Service as IServiceWithType)?.ServiceType;
        if (requested is not null && !requested.IsInterface)
        {
            throw new DependencyResolutionException(
                $"The component {context.Registration} uses interface interception, so it must be resolved as an interface, not as {requested}.");
        }

        if (requested is not null && Array.IndexOf(interfaces, requested) < 0)
        {
            throw new DependencyResolutionException(
                $"The component {context.Registration} uses interface interception, but {requested} cannot be proxied: make it public, or internal with InternalsVisibleTo DynamicProxyGenAssembly2.");
        }

        var primary = requested ?? interfaces[0];
        var additional = new Type[interfaces.Length - 1];
        var n = 0;
        foreach (var type in interfaces)
        {
            if (type != primary)
            {
                additional[n++] = type;
            }
        }

        var interceptors = new IInterceptor[services.Count];
        for (var i = 0; i < interceptors.Length; i++)
        {
            interceptors[i] = context.ResolveService(services[i]) as IInterceptor
                ?? throw new DependencyResolutionException($"The interceptor service {services[i]} of {context.Registration} does not implement {typeof(IInterceptor)}.");
        }

        context.Instance = Generator.CreateInterfaceProxyWithTarget(primary, additional, target, options, interceptors);
    }

    private static Type[] ProxyableInterfaces(Type targetType) =>
        Array.FindAll(targetType.GetInterfaces(), ProxyUtil.IsAccessible);

    private static List<Service> InterceptorServices(IComponentRegistration registration, Type targetType, Type[] interfaces)
    {
        var services = new List<Service>();
        if (registration.Metadata.TryGetValue(InterceptorsKey, out var fromRegistration) && fromRegistration is IEnumerable<Service> given)
        {
            services.AddRange(given);
        }

        AddFromAttributes(services, targetType);
        foreach (var type in interfaces)
        {
            AddFromAttributes(services, type);
        }

        return services;
    }

    private static void AddFromAttributes(List<Service> services, Type type)
    {
        foreach (var attribute in type.GetCustomAttributes<InterceptAttribute>(inherit: true))
        {
            if (!services.Contains(attribute.InterceptorService))
            {
                services.Add(attribute.InterceptorService);
            }
        }
    }
}
