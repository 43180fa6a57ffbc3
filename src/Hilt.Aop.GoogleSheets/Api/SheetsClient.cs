using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Google.Apis.Auth.OAuth2.Responses;

namespace Hilt.Aop.GoogleSheets;

/// <summary>The few Sheets v4 REST calls the sink needs, with typed cells and a token refresh on 401.</summary>
/// <remarks>Not thread-safe by design: the sink's single writer is its only caller.</remarks>
internal sealed class SheetsClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly IAccessTokenSource _tokens;
    private readonly TimeProvider _timeProvider;
    private readonly string _spreadsheetPath;
    private readonly string _spreadsheetId;
    private readonly string _accountEmail;

    public SheetsClient(HttpClient http, IAccessTokenSource tokens, TimeProvider timeProvider, Uri baseUri, string spreadsheetId, string accountEmail)
    {
        _http = http;
        _tokens = tokens;
        _timeProvider = timeProvider;
        _spreadsheetId = spreadsheetId;
        _accountEmail = accountEmail;
        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri.AbsoluteUri : baseUri.AbsoluteUri + "/";
        _spreadsheetPath = root + "v4/spreadsheets/" + Uri.EscapeDataString(spreadsheetId);
    }

    /// <summary>Gets the titles of the spreadsheet's worksheets.</summary>
    public async Task<IReadOnlyList<string>> GetWorksheetTitlesAsync(CancellationToken cancellationToken)
    {
        using var document = await SendAsync(HttpMethod.Get, _spreadsheetPath + "?fields=sheets.properties.title", null, cancellationToken).ConfigureAwait(false);
        var titles = new List<string>();
        if (document.RootElement.TryGetProperty("sheets", out var sheets) && sheets.ValueKind == JsonValueKind.Array)
        {
            foreach (var sheet in sheets.EnumerateArray())
            {
                if (sheet.TryGetProperty("properties", out var properties) && properties.TryGetProperty("title", out var title) && title.GetString() is { } text)
                {
                    titles.Add(text);
                }
            }
        }

        return titles;
    }

    /// <summary>Adds a worksheet through <c>batchUpdate</c>.</summary>
    public async Task AddWorksheetAsync(string title, CancellationToken cancellationToken)
    {
        var body = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("requests");
            writer.WriteStartObject();
            writer.WriteStartObject("addSheet");
            writer.WriteStartObject("properties");
            writer.WriteString("title", title);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        using var _ = await SendAsync(HttpMethod.Post, _spreadsheetPath + ":batchUpdate", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the first row of a worksheet; empty when the worksheet is empty.</summary>
    public async Task<IReadOnlyList<string>> GetHeaderAsync(string title, CancellationToken cancellationToken)
    {
        using var document = await SendAsync(HttpMethod.Get, ValuesPath(Range(title, "1:1")) + "?majorDimension=ROWS", null, cancellationToken).ConfigureAwait(false);
        var header = new List<string>();
        if (document.RootElement.TryGetProperty("values", out var rows) && rows.ValueKind == JsonValueKind.Array && rows.GetArrayLength() > 0)
        {
            foreach (var cell in rows[0].EnumerateArray())
            {
                header.Add(cell.ValueKind == JsonValueKind.String ? cell.GetString() ?? string.Empty : cell.GetRawText());
            }
        }

        // Sheets leaves out trailing empty cells; so do we, to compare like with like.
        while (header.Count > 0 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);
        }

        return header;
    }

    /// <summary>Writes the header into the first row, as raw text.</summary>
    public async Task WriteHeaderAsync(string title, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var body = Values([columns.ToArray<object?>()]);
        using var _ = await SendAsync(HttpMethod.Put, ValuesPath(Range(title, "A1")) + "?valueInputOption=RAW", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends rows below the worksheet's data in one request, as raw values (never parsed as formulas).</summary>
    public async Task AppendAsync(string title, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var body = Values(rows);
        var url = ValuesPath(Range(title, "A1")) + ":append?valueInputOption=RAW&insertDataOption=INSERT_ROWS&includeValuesInResponse=false";
        using var _ = await SendAsync(HttpMethod.Post, url, body, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A1 range on a worksheet: the name quoted, quotes doubled.</summary>
    internal static string Range(string title, string cells) => "'" + title.Replace("'", "''", StringComparison.Ordinal) + "'!" + cells;

    private static byte[] Values(IReadOnlyList<object?[]> rows) => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("majorDimension", "ROWS");
        writer.WriteStartArray("values");
        foreach (var row in rows)
        {
            writer.WriteStartArray();
            foreach (var cell in row)
            {
                CellWriter.Write(writer, cell, nullAsEmpty: true);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, CellWriter.WriterOptions))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private string ValuesPath(string range) => _spreadsheetPath + "/values/" + Uri.EscapeDataString(range);

    private async Task<JsonDocument> SendAsync(HttpMethod method, string url, byte[]? body, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(refresh: false, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new SheetsApiException(SheetsFailureKind.Transient, $"Google Sheets could not be reached: {ex.Message}", innerException: ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SheetsApiException(SheetsFailureKind.Transient, "A request to Google Sheets timed out.", HttpStatusCode.RequestTimeout, innerException: ex);
            }

            using (response)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return bytes.Length == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(bytes);
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
                {
                    // The cached token may have been revoked or expired early: one fresh token, one more try.
                    token = await GetTokenAsync(refresh: true, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw Failure(response, bytes);
            }
        }
    }

    private async Task<string> GetTokenAsync(bool refresh, CancellationToken cancellationToken)
    {
        try
        {
            return refresh
                ? await _tokens.RefreshTokenAsync(cancellationToken).ConfigureAwait(false)
                : await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TokenResponseException ex)
        {
            var status = ex.StatusCode;
            if (status is null || status == HttpStatusCode.TooManyRequests || (int)status >= 500)
            {
                throw new SheetsApiException(SheetsFailureKind.Transient, $"The Google token endpoint failed ({(status is null ? "no status" : (int)status)}).", status);
            }

            // Only the OAuth error code is kept: the response never echoes the key, but nothing else is needed.
            throw new SheetsApiException(
                SheetsFailureKind.Credentials,
                $"The Google token endpoint refused the service-account key of {_accountEmail} ({(int)status} {ex.Error?.Error}). Check that the key is current (not deleted in the Cloud console) and that the machine's clock is right.",
                status);
        }
        catch (HttpRequestException ex)
        {
            throw new SheetsApiException(SheetsFailureKind.Transient, $"The Google token endpoint could not be reached: {ex.Message}", innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SheetsApiException(SheetsFailureKind.Transient, "A request to the Google token endpoint timed out.", HttpStatusCode.RequestTimeout, innerException: ex);
        }
    }

    private SheetsApiException Failure(HttpResponseMessage response, byte[] body)
    {
        var status = response.StatusCode;
        var code = (int)status;
        var googleMessage = ErrorMessage(body);
        return status switch
        {
            HttpStatusCode.TooManyRequests => new(SheetsFailureKind.Transient, $"Google Sheets asked to slow down (429): {googleMessage}", status, RetryAfter(response)),
            _ when code >= 500 => new(SheetsFailureKind.Transient, $"Google Sheets failed ({code}): {googleMessage}", status, RetryAfter(response)),
            HttpStatusCode.RequestTimeout => new(SheetsFailureKind.Transient, $"Google Sheets timed out (408): {googleMessage}", status, RetryAfter(response)),
            HttpStatusCode.Unauthorized => new(SheetsFailureKind.Unauthorized, $"Google Sheets refused the access token of {_accountEmail} (401) even after a refresh: {googleMessage}", status),
            HttpStatusCode.Forbidden => new(SheetsFailureKind.Forbidden, $"Google Sheets refused access to spreadsheet '{_spreadsheetId}' (403): {googleMessage}. Share the sheet with {_accountEmail} as Editor, and enable the Google Sheets API in the service account's Cloud project.", status),
            HttpStatusCode.NotFound => new(SheetsFailureKind.NotFound, $"Spreadsheet '{_spreadsheetId}' was not found (404): {googleMessage}. Check SpreadsheetId (or GOOGLE_SHEET_ID): it is the part of the sheet's URL between /d/ and /edit.", status),
            _ => new(SheetsFailureKind.Rejected, $"Google Sheets rejected a request ({code}): {googleMessage}", status),
        };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string ErrorMessage(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var message) && message.GetString() is { } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return "no details";
    }
}
