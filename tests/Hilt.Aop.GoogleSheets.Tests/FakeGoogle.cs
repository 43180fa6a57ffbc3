using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hilt.Aop.GoogleSheets.Tests;

/// <summary>One request the fake received.</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string Body, DateTimeOffset At);

/// <summary>
/// A fake Google on 127.0.0.1: an OAuth token endpoint that checks the JWT assertion's RS256 signature
/// against the test's own key, and the few Sheets v4 endpoints the sink calls, keeping worksheets in memory.
/// </summary>
public sealed class FakeGoogle : IAsyncDisposable
{
    public const string SpreadsheetId = "sheet-123";
    /// <summary>The audience Google.Apis.Auth signs for, whatever token endpoint the request goes to (as Google expects).</summary>
    public const string GoogleAudience = "https://oauth2.googleapis.com/token";
    public const string ClientEmail = "hilt-writer@hilt-test.iam.gserviceaccount.com";

    private readonly object _gate = new();
    private readonly Dictionary<string, List<JsonNode?[]>> _worksheets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _validTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private WebApplication? _app;
    private int _tokenCount;

    public FakeGoogle(RSA key, Func<DateTimeOffset>? clock = null)
    {
        Key = key;
        Clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public RSA Key { get; }

    public Func<DateTimeOffset> Clock { get; }

    public Uri BaseUri { get; private set; } = null!;

    public Uri TokenUri => new(BaseUri, "token");

    /// <summary>Gets responses given to the next append requests instead of storing rows: status and Retry-After seconds.</summary>
    public ConcurrentQueue<(int Status, int? RetryAfterSeconds)> AppendScript { get; } = new();

    /// <summary>Gets or sets a status returned for every spreadsheet request (403, 404), or 0 for none.</summary>
    public int SpreadsheetStatus { get; set; }

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public IReadOnlyList<FakeRequest> Appends => Requests.Where(r => r.Method == "POST" && r.Path.EndsWith(":append", StringComparison.Ordinal)).ToList();

    public int TokensIssued => Volatile.Read(ref _tokenCount);

    public static async Task<FakeGoogle> StartAsync(RSA key, Func<DateTimeOffset>? clock = null, int port = 0)
    {
        var fake = new FakeGoogle(key, clock);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return fake;
    }

    /// <summary>A port nothing listens on, for a Google that is down.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Builds a service-account key file for <paramref name="key"/> whose token_uri points at <paramref name="tokenUri"/>.</summary>
    public static string CredentialsJson(RSA key, Uri tokenUri) => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = "hilt-test",
        ["private_key_id"] = "key-1",
        ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
        ["client_email"] = ClientEmail,
        ["client_id"] = "1234567890",
        ["token_uri"] = tokenUri.AbsoluteUri,
    }.ToJsonString();

    public void AddWorksheet(string title, params string[] header)
    {
        lock (_gate)
        {
            var rows = new List<JsonNode?[]>();
            if (header.Length > 0)
            {
                rows.Add(header.Select(h => (JsonNode?)JsonValue.Create(h)).ToArray());
            }

            _worksheets[title] = rows;
        }
    }

    public IReadOnlyList<string> WorksheetTitles()
    {
        lock (_gate)
        {
            return [.. _worksheets.Keys];
        }
    }

    /// <summary>Gets a worksheet's rows (header included) as JSON nodes, so types can be checked.</summary>
    public IReadOnlyList<JsonNode?[]> Rows(string title)
    {
        lock (_gate)
        {
            return _worksheets.TryGetValue(title, out var rows) ? [.. rows] : [];
        }
    }

    /// <summary>Forgets every issued token, as if they had expired: the next request gets a 401.</summary>
    public void RevokeTokens()
    {
        lock (_gate)
        {
            _validTokens.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var path = request.Path.Value ?? string.Empty;
        _requests.Enqueue(new FakeRequest(request.Method, path, request.QueryString.Value ?? string.Empty, body, Clock()));
        if (path == "/token")
        {
            await TokenAsync(context, body);
            return;
        }

        if (!Authorized(request))
        {
            await Error(context, 401, "Request had invalid authentication credentials.");
            return;
        }

        const string Prefix = "/v4/spreadsheets/";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await Error(context, 404, "No such endpoint.");
            return;
        }

        var rest = path[Prefix.Length..];
        var id = rest.Split('/', ':')[0];
        if (id != SpreadsheetId)
        {
            await Error(context, 404, "Requested entity was not found.");
            return;
        }

        if (SpreadsheetStatus != 0)
        {
            await Error(context, SpreadsheetStatus, "The caller does not have permission");
            return;
        }

        rest = rest[id.Length..];
        if (rest.Length == 0 && request.Method == "GET")
        {
            await Metadata(context);
        }
        else if (rest == ":batchUpdate" && request.Method == "POST")
        {
            await AddSheet(context, body);
        }
        else if (rest.StartsWith("/values/", StringComparison.Ordinal))
        {
            await Values(context, rest["/values/".Length..], body);
        }
        else
        {
            await Error(context, 400, "Unexpected request.");
        }
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        lock (_gate)
        {
            return header.StartsWith("Bearer ", StringComparison.Ordinal) && _validTokens.Contains(header["Bearer ".Length..]);
        }
    }

    private async Task TokenAsync(HttpContext context, string body)
    {
        var form = body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.ElementAtOrDefault(1) ?? string.Empty));
        if (form.GetValueOrDefault("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" || !ValidAssertion(form.GetValueOrDefault("assertion")))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_grant", error_description = "Invalid JWT Signature." });
            return;
        }

        var token = $"ya29.fake-{Interlocked.Increment(ref _tokenCount)}";
        lock (_gate)
        {
            _validTokens.Add(token);
        }

        await context.Response.WriteAsJsonAsync(new { access_token = token, token_type = "Bearer", expires_in = 3600 });
    }

    private bool ValidAssertion(string? assertion)
    {
        var parts = assertion?.Split('.');
        if (parts is not { Length: 3 })
        {
            return false;
        }

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!Key.VerifyData(signed, Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return false;
        }

        using var payload = JsonDocument.Parse(Base64Url(parts[1]));
        var root = payload.RootElement;
        return root.GetProperty("iss").GetString() == ClientEmail
            && root.GetProperty("aud").GetString() == GoogleAudience
            && (root.GetProperty("scope").GetString() ?? string.Empty).Contains("https://www.googleapis.com/auth/spreadsheets", StringComparison.Ordinal);
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }

    private Task Metadata(HttpContext context)
    {
        var sheets = new JsonArray();
        foreach (var title in WorksheetTitles())
        {
            sheets.Add(new JsonObject { ["properties"] = new JsonObject { ["title"] = title } });
        }

        return Json(context, new JsonObject { ["sheets"] = sheets });
    }

    private Task AddSheet(HttpContext context, string body)
    {
        var title = JsonNode.Parse(body)!["requests"]![0]!["addSheet"]!["properties"]!["title"]!.GetValue<string>();
        lock (_gate)
        {
            if (_worksheets.ContainsKey(title))
            {
                return Error(context, 400, $"A sheet with the name \"{title}\" already exists.");
            }

            _worksheets[title] = [];
        }

        return Json(context, new JsonObject { ["replies"] = new JsonArray() });
    }

    private Task Values(HttpContext context, string target, string body)
    {
        var append = target.EndsWith(":append", StringComparison.Ordinal);
        var range = append ? target[..^":append".Length] : target;
        var title = Title(range);
        lock (_gate)
        {
            if (!_worksheets.ContainsKey(title))
            {
                return Error(context, 400, $"Unable to parse range: {range}");
            }
        }

        if (context.Request.Method == "GET")
        {
            var values = new JsonArray();
            var rows = Rows(title);
            if (rows.Count > 0)
            {
                values.Add(new JsonArray(rows[0].Select(c => c?.DeepClone()).ToArray()));
            }

            var result = new JsonObject { ["range"] = range };
            if (values.Count > 0)
            {
                result["values"] = values;
            }

            return Json(context, result);
        }

        if (context.Request.Query["valueInputOption"] != "RAW")
        {
            return Error(context, 400, "valueInputOption must be RAW in this fake.");
        }

        var sent = JsonNode.Parse(body)!["values"]!.AsArray().Select(r => r!.AsArray().Select(c => c?.DeepClone()).ToArray()).ToList();
        if (append)
        {
            if (AppendScript.TryDequeue(out var scripted))
            {
                if (scripted.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Error(context, scripted.Status, "Scripted failure.");
            }

            lock (_gate)
            {
                _worksheets[title].AddRange(sent);
            }
        }
        else if (context.Request.Method == "PUT")
        {
            lock (_gate)
            {
                var rows = _worksheets[title];
                if (rows.Count == 0)
                {
                    rows.Add(sent[0]);
                }
                else
                {
                    rows[0] = sent[0];
                }
            }
        }

        return Json(context, new JsonObject { ["spreadsheetId"] = SpreadsheetId });
    }

    private static string Title(string range)
    {
        var sheet = range[..range.LastIndexOf('!')];
        return sheet.StartsWith('\'') ? sheet[1..^1].Replace("''", "'", StringComparison.Ordinal) : sheet;
    }

    private static Task Json(HttpContext context, JsonNode node)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(node.ToJsonString());
    }

    private static Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return Json(context, new JsonObject { ["error"] = new JsonObject { ["code"] = status, ["message"] = message } });
    }
}
