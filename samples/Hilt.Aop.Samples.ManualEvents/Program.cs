using Hilt.Aop.Samples.ManualEvents;

return await ManualEventsSample.RunAsync(args.Length > 0 ? args[0] : Path.Combine("logs", "manual.jsonl"), Console.Out);
