using Castle.DynamicProxy;

namespace Hilt.Aop.Benchmarks;

/// <summary>The floor of any proxy design: a Castle interceptor that only proceeds.</summary>
internal sealed class PassThroughInterceptor : IInterceptor
{
    public void Intercept(IInvocation invocation) => invocation.Proceed();
}
