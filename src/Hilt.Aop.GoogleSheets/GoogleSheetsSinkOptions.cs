namespace Hilt.Aop.GoogleSheets;

/// <summary>Options of the Google Sheets sink: which spreadsheet, which credentials, and how rows are batched, retried and spooled.</summary>
/// <remarks>
/// Validated once, when the sink is added with
/// <see cref="GoogleSheetsHiltOptionsExtensions.WriteToGoogleSheets(HiltOptions, Action{GoogleSheetsSinkOptions})"/>.
/// Credentials are read at that point and never appear in any diagnostic or exception message.
/// </remarks>
public sealed class GoogleSheetsSinkOptions
{
    /// <summary>The environment variable read when <see cref="SpreadsheetId"/> is not set.</summary>
    public const string SheetIdEnvironmentVariable = "GOOGLE_SHEET_ID";

    /// <summary>The environment variable read when neither <see cref="CredentialsJson"/> nor <see cref="CredentialsPath"/> is set.</summary>
    public const string CredentialsPathEnvironmentVariable = "GOOGLE_CREDENTIALS_PATH";

    /// <summary>Gets or sets the spreadsheet id: the part of the sheet's URL between <c>/d/</c> and <c>/edit</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the <c>GOOGLE_SHEET_ID</c> environment variable is used.</value>
    public string? SpreadsheetId { get; set; }

    /// <summary>Gets or sets the path of a service-account key file (JSON).</summary>
    /// <value>The default value is <see langword="null"/>: the <c>GOOGLE_CREDENTIALS_PATH</c> environment variable is used, unless <see cref="CredentialsJson"/> is set.</value>
    public string? CredentialsPath { get; set; }

    /// <summary>Gets or sets the service-account key itself (the JSON text), for keys kept in a secret store rather than a file.</summary>
    /// <value>The default value is <see langword="null"/>. When set, it wins over <see cref="CredentialsPath"/>.</value>
    public string? CredentialsJson { get; set; }

    /// <summary>Gets or sets the name of the worksheet (tab) rows are appended to; it is created when missing.</summary>
    /// <value>The default value is <c>Logs</c>.</value>
    public string WorksheetName { get; set; } = "Logs";

    /// <summary>Gets or sets the columns written, in order (see <see cref="HiltColumns"/>).</summary>
    /// <value>The default value is <see langword="null"/>: all 15 columns in their default order.</value>
    public IList<string>? Columns { get; set; }

    /// <summary>Gets or sets what happens when the worksheet's header row differs from <see cref="Columns"/>.</summary>
    /// <value>The default value is <see cref="HeaderMismatchPolicy.Error"/>.</value>
    public HeaderMismatchPolicy HeaderMismatch { get; set; } = HeaderMismatchPolicy.Error;

    /// <summary>Gets or sets the most rows sent in one append request.</summary>
    /// <value>The default value is 500.</value>
    public int BatchSize { get; set; } = 500;

    /// <summary>Gets or sets how long rows wait to be batched before they are sent.</summary>
    /// <value>The default value is 1 second: at most about 60 append requests a minute, well inside Google's write quota.</value>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many rows may wait in memory; beyond it, new rows are dropped and reported.</summary>
    /// <value>The default value is 100,000.</value>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>Gets or sets how many times a request is retried after a 429, a 5xx or a network error before its rows are spooled.</summary>
    /// <value>The default value is 5.</value>
    public int MaxRetries { get; set; } = 5;

    /// <summary>Gets or sets the first retry delay; each retry doubles it, plus up to 20% jitter.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between two attempts, including a server's <c>Retry-After</c>.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the timeout of one HTTP request.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the JSONL file that holds rows Google could not take yet; they are sent, in order, when it answers again (also by the next process).</summary>
    /// <value>The default value is <c>hilt-sheets-spool.jsonl</c> in the application's base directory.</value>
    public string? SpoolPath { get; set; }

    /// <summary>Gets or sets the largest size of the spool file; rows that would grow it past this are dropped and reported.</summary>
    /// <value>The default value is 50 MiB (roughly 100,000 rows of all 15 columns).</value>
    public long MaxSpoolBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Gets or sets whether the spreadsheet, worksheet and header are checked when the sink is added, so configuration errors surface at start-up.</summary>
    /// <value>The default value is <see langword="true"/>. When Google cannot be reached at start-up, the check is left to the background writer and rows are spooled meanwhile.</value>
    public bool VerifyAtStartup { get; set; } = true;

    /// <summary>Gets or sets how long the start-up check may take.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets how long disposing the sink waits to send what is queued; the rest goes to the spool.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the base address of the Sheets v4 REST API.</summary>
    /// <value>The default value is <c>https://sheets.googleapis.com/</c>.</value>
    public Uri SheetsBaseUri { get; set; } = new("https://sheets.googleapis.com/");

    /// <summary>Gets or sets the OAuth token endpoint.</summary>
    /// <value>The default value is <see langword="null"/>: the key's <c>token_uri</c>, else <c>https://oauth2.googleapis.com/token</c>.</value>
    public Uri? TokenUri { get; set; }
}
