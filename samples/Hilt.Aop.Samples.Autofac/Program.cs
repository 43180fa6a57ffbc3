using Hilt.Aop.Samples.Autofac;

return await AutofacSample.RunAsync(args.Length > 0 ? args[0] : Path.Combine("logs", "autofac.jsonl"), Console.Out);
