using Hilt.Aop.Quickstart;

// Hilt.Aop quick start: logs a short chat to logs/chat.jsonl. Offline by default; with OPENAI_API_KEY set it
// talks to OpenAI (or to OPENAI_BASE_URL, any OpenAI-compatible server).
var logPath = args.Length > 0 ? args[0] : Path.Combine("logs", "chat.jsonl");
return await QuickstartSample.RunAsync(logPath, Console.Out);
