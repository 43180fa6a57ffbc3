using Autofac;
using Hilt.Aop.Autofac;
using Hilt.Aop.Autofac.Interception;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Samples.Autofac;

/// <summary>Hilt with Autofac: one line to set up, one line per intercepted service, a lifetime scope per tenant.</summary>
public static class AutofacSample
{
    public static async Task<int> RunAsync(string logPath, TextWriter output)
    {
        logPath = Path.GetFullPath(logPath);
        var builder = new ContainerBuilder();
        builder.AddHilt(o => o.WriteToJsonl(logPath));
        builder.RegisterInstance<IChatClient>(new OfflineChatClient());
        builder.RegisterType<SupportBot>().As<ISupportBot>().EnableInterfaceInterceptors().InterceptedBy(typeof(HiltInterceptor));

        await using (var container = builder.Build())
        {
            // Each tenant's work runs in its own lifetime scope, carrying its tenant and user.
            foreach (var (tenant, user) in new[] { ("acme", "alice"), ("globex", "bob") })
            {
                await using var scope = container.BeginHiltScope(new HiltSession { Tenant = tenant, User = user });
                var bot = scope.Resolve<ISupportBot>();
                var answer = await bot.AskAsync($"{tenant}-ticket-1", "What is the capital of France?");
                output.WriteLine($"[{tenant}] {answer}");

                var streamed = string.Empty;
                await foreach (var word in bot.StreamAsync($"{tenant}-ticket-1", "Which museum should I see first?"))
                {
                    streamed += word;
                }

                output.WriteLine($"[{tenant}] {streamed.Trim()}");
                output.WriteLine($"[{tenant}] open tickets: {bot.OpenTickets()} (not logged)");
            }

            await container.Resolve<HiltRecorder>().FlushAsync();
        }

        LogSummary.Print(logPath, output);
        return 0;
    }
}
