using System.Collections.Concurrent;
using System.Reflection;
using Autofac;
using Autofac.Core;
using Autofac.Core.Resolving.Pipeline;
using Castle.DynamicProxy;

namespace Hilt.Aop.Autofac.Interception;

/// <summary>Registration middleware that swaps the activated component for an interface proxy running its interceptors.</summary>
/// <remarks>
/// It sits at the end of the parameter-selection phase and calls the rest of the pipeline first, so the proxy
/// wraps the instance after every activation step (property injection, <c>OnActivating</c>) in whatever order
/// those were configured: they cast the instance to the concrete type and would fail on an interface proxy.
/// </remarks>
internal sealed class InterfaceProxyMiddleware : IResolveMiddleware
{
    /// <summary>The registration metadata key holding the interceptor services given with <c>InterceptedBy</c>.</summary>
    internal const string InterceptorsKey = "Hilt.Aop.Autofac.Interception.Interceptors";

    // Castle caches every generated proxy type in its generator; one per process keeps that cache shared.
    private static readonly ProxyGenerator Generator = new();

    private readonly ProxyGenerationOptions _options;

    // What to proxy and with which interceptors depends only on the component type: worked out once per type.
    private readonly ConcurrentDictionary<Type, ProxyPlan> _plans = new();

    public InterfaceProxyMiddleware(ProxyGenerationOptions options)
    {
        _options = options;
    }

    public PipelinePhase Phase => PipelinePhase.ParameterSelection;

    public void Execute(ResolveRequestContext context, Action<ResolveRequestContext> next)
    {
        next(context);

        var target = context.Instance;
        if (target is null)
        {
            return;
        }

        var plan = _plans.GetOrAdd(target.GetType(), static (type, registration) => ProxyPlan.Create(type, registration), context.Registration);
        if (plan.Interceptors.Length == 0)
        {
            return;
        }

        var primary = plan.PrimaryFor(context);
        var interceptors = new IInterceptor[plan.Interceptors.Length];
        for (var i = 0; i < interceptors.Length; i++)
        {
            interceptors[i] = ResolveInterceptor(context, plan.Interceptors[i]);
        }

        context.Instance = Generator.CreateInterfaceProxyWithTarget(primary, plan.AdditionalTo(primary), target, _options, interceptors);
    }

    public override string ToString() => "Hilt interface interception";

    private static IInterceptor ResolveInterceptor(ResolveRequestContext context, Service service)
    {
        if (!context.TryResolveService(service, out var instance))
        {
            var hint = service is IServiceWithType { ServiceType: var type } && type == typeof(HiltInterceptor)
                ? " Register it with builder.AddHilt(...)."
                : string.Empty;
            throw new DependencyResolutionException($"The interceptor {service} of {context.Registration} is not registered.{hint}");
        }

        return instance as IInterceptor
            ?? throw new DependencyResolutionException($"The interceptor {service} of {context.Registration} does not implement {typeof(IInterceptor)}.");
    }

    private sealed class ProxyPlan
    {
        private ProxyPlan(Type targetType, Type[] interfaces, Service[] interceptors)
        {
            TargetType = targetType;
            Interfaces = interfaces;
            Interceptors = interceptors;
        }

        public Type TargetType { get; }

        public Type[] Interfaces { get; }

        public Service[] Interceptors { get; }

        public static ProxyPlan Create(Type targetType, IComponentRegistration registration)
        {
            var interfaces = Array.FindAll(targetType.GetInterfaces(), ProxyUtil.IsAccessible);
            var services = new List<Service>();
            if (registration.Metadata.TryGetValue(InterceptorsKey, out var given) && given is IEnumerable<Service> fromRegistration)
            {
                services.AddRange(fromRegistration);
            }

            AddFromAttributes(services, targetType);
            foreach (var type in interfaces)
            {
                AddFromAttributes(services, type);
            }

            return new ProxyPlan(targetType, interfaces, [.. services]);
        }

        public Type PrimaryFor(ResolveRequestContext context)
        {
            var requested = (context.Service as IServiceWithType)?.ServiceType;
            if (requested is not null && !requested.IsInterface)
            {
                throw new DependencyResolutionException(
                    $"The component {context.Registration} uses interface interception, so it must be resolved as an interface, not as {requested}.");
            }

            if (requested is not null && Array.IndexOf(Interfaces, requested) >= 0)
            {
                return requested;
            }

            if (requested is not null || Interfaces.Length == 0)
            {
                throw new DependencyResolutionException(
                    $"The component {context.Registration} uses interface interception, but {(object?)requested ?? TargetType} has no interface a proxy can be made for: make it public, or internal with InternalsVisibleTo DynamicProxyGenAssembly2.");
            }

            return Interfaces[0];
        }

        public Type[] AdditionalTo(Type primary)
        {
            var additional = new Type[Interfaces.Length - 1];
            var n = 0;
            foreach (var type in Interfaces)
            {
                if (type != primary)
                {
                    additional[n++] = type;
                }
            }

            return additional;
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
}
