using Hilt.Aop.Samples.Privacy;

return await PrivacySample.RunAsync(args.Length > 0 ? args[0] : Path.Combine("logs", "privacy.jsonl"), Console.Out);
