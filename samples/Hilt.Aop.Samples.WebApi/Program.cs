using Hilt.Aop.Samples.WebApi;

// dotnet run --project samples/Hilt.Aop.Samples.WebApi -- --urls http://127.0.0.1:5080
// curl -H 'X-Tenant: acme' -H 'X-Conversation-Id: ticket-7' -d '{"question":"What is the capital of France?"}' \
//      -H 'Content-Type: application/json' http://127.0.0.1:5080/ask
var app = WebApiSample.Build("logs", args);
await app.RunAsync();
