namespace Hilt.Aop.GoogleSheets;

/// <summary>Validated options, with the environment variables and the key file already read.</summary>
internal sealed class SheetsSinkSettings
{
    private SheetsSinkSettings(GoogleSheetsSinkOptions options, string spreadsheetId, ServiceAccountKey key, ColumnSet columns, string spoolPath, string tokenUri)
    {
        Options = options;
        SpreadsheetId = spreadsheetId;
        Key = key;
        Columns = columns;
        SpoolPath = spoolPath;
        TokenUri = tokenUri;
    }

    public GoogleSheetsSinkOptions Options { get; }

    public string SpreadsheetId { get; }

    public ServiceAccountKey Key { get; }

    public ColumnSet Columns { get; }

    public string SpoolPath { get; }

    public string TokenUri { get; }

    /// <summary>Validates options; every error names the option or variable to fix.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public static SheetsSinkSettings Resolve(GoogleSheetsSinkOptions options, Func<string, string?> environment)
    {
        var sheetId = Blank(options.SpreadsheetId) ?? Blank(environment(GoogleSheetsSinkOptions.SheetIdEnvironmentVariable))
            ?? throw new ArgumentException(
                $"No Google spreadsheet id. Set {nameof(GoogleSheetsSinkOptions)}.{nameof(GoogleSheetsSinkOptions.SpreadsheetId)} or the {GoogleSheetsSinkOptions.SheetIdEnvironmentVariable} environment variable to the part of the sheet's URL between /d/ and /edit.",
                nameof(GoogleSheetsSinkOptions.SpreadsheetId));

        var key = ReadKey(options, environment);
        var columns = ColumnSet.Create(options.Columns, nameof(GoogleSheetsSinkOptions.Columns));
        if (string.IsNullOrWhiteSpace(options.WorksheetName))
        {
            throw new ArgumentException("The worksheet name is empty. Leave it unset for 'Logs', or name the tab to write to.", nameof(GoogleSheetsSinkOptions.WorksheetName));
        }

        Range(options.BatchSize, 1, 50_000, nameof(GoogleSheetsSinkOptions.BatchSize));
        Range(options.QueueCapacity, 1, int.MaxValue, nameof(GoogleSheetsSinkOptions.QueueCapacity));
        Range(options.MaxRetries, 0, 100, nameof(GoogleSheetsSinkOptions.MaxRetries));
        NotNegative(options.BatchInterval, nameof(GoogleSheetsSinkOptions.BatchInterval));
        NotNegative(options.RetryBaseDelay, nameof(GoogleSheetsSinkOptions.RetryBaseDelay));
        NotNegative(options.MaxRetryDelay, nameof(GoogleSheetsSinkOptions.MaxRetryDelay));
        NotNegative(options.StartupTimeout, nameof(GoogleSheetsSinkOptions.StartupTimeout));
        NotNegative(options.ShutdownTimeout, nameof(GoogleSheetsSinkOptions.ShutdownTimeout));
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(GoogleSheetsSinkOptions.RequestTimeout), options.RequestTimeout, "The request timeout must be positive.");
        }

        if (options.MaxSpoolBytes < 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(GoogleSheetsSinkOptions.MaxSpoolBytes), options.MaxSpoolBytes, "The spool bound must be at least 4096 bytes.");
        }

        if (options.SheetsBaseUri is null || !options.SheetsBaseUri.IsAbsoluteUri)
        {
            throw new ArgumentException("The Sheets base address must be an absolute URL, such as https://sheets.googleapis.com/.", nameof(GoogleSheetsSinkOptions.SheetsBaseUri));
        }

        if (options.TokenUri is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("The token endpoint must be an absolute URL.", nameof(GoogleSheetsSinkOptions.TokenUri));
        }

        var spoolPath = Blank(options.SpoolPath) ?? Path.Combine(AppContext.BaseDirectory, "hilt-sheets-spool.jsonl");
        return new SheetsSinkSettings(options, sheetId.Trim(), key, columns, spoolPath, options.TokenUri?.AbsoluteUri ?? key.TokenUri);
    }

    private static ServiceAccountKey ReadKey(GoogleSheetsSinkOptions options, Func<string, string?> environment)
    {
        if (Blank(options.CredentialsJson) is { } json)
        {
            return ServiceAccountKey.Parse(json, $"{nameof(GoogleSheetsSinkOptions.CredentialsJson)}", nameof(GoogleSheetsSinkOptions.CredentialsJson));
        }

        var fromOption = Blank(options.CredentialsPath);
        var path = fromOption ?? Blank(environment(GoogleSheetsSinkOptions.CredentialsPathEnvironmentVariable))
            ?? throw new ArgumentException(
                $"No Google credentials. Set {nameof(GoogleSheetsSinkOptions)}.{nameof(GoogleSheetsSinkOptions.CredentialsPath)} (or {nameof(GoogleSheetsSinkOptions.CredentialsJson)}), or the {GoogleSheetsSinkOptions.CredentialsPathEnvironmentVariable} environment variable, to a service-account key file.",
                nameof(GoogleSheetsSinkOptions.CredentialsPath));
        var origin = fromOption is null ? $"the file named by {GoogleSheetsSinkOptions.CredentialsPathEnvironmentVariable} ('{path}')" : $"the file '{path}'";
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ArgumentException($"The Google credentials could not be read from {origin}: {ex.Message}", nameof(GoogleSheetsSinkOptions.CredentialsPath), ex);
        }

        return ServiceAccountKey.Parse(text, origin, nameof(GoogleSheetsSinkOptions.CredentialsPath));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static void Range(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
        }
    }

    private static void NotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} cannot be negative.");
        }
    }
}
