namespace Hilt.Aop.GoogleSheets;

/// <summary>Finds or creates the worksheet to append to, and makes sure its header matches the columns.</summary>
internal static class WorksheetSetup
{
    private const int MaxNewWorksheets = 100;

    /// <summary>Returns the title of the worksheet rows go to.</summary>
    /// <exception cref="SheetsApiException">Google failed, or the header differs and the policy is <see cref="HeaderMismatchPolicy.Error"/>.</exception>
    public static async Task<string> PrepareAsync(SheetsClient client, string spreadsheetId, string name, IReadOnlyList<string> columns, HeaderMismatchPolicy policy, CancellationToken cancellationToken)
    {
        var titles = await client.GetWorksheetTitlesAsync(cancellationToken).ConfigureAwait(false);
        var attempts = policy == HeaderMismatchPolicy.NewWorksheet ? MaxNewWorksheets : 1;
        for (var n = 1; n <= attempts; n++)
        {
            var title = n == 1 ? name : $"{name} ({n})";
            if (!titles.Contains(title, StringComparer.Ordinal))
            {
                await client.AddWorksheetAsync(title, cancellationToken).ConfigureAwait(false);
                await client.WriteHeaderAsync(title, columns, cancellationToken).ConfigureAwait(false);
                return title;
            }

            var header = await client.GetHeaderAsync(title, cancellationToken).ConfigureAwait(false);
            if (header.Count == 0)
            {
                await client.WriteHeaderAsync(title, columns, cancellationToken).ConfigureAwait(false);
                return title;
            }

            if (header.SequenceEqual(columns, StringComparer.Ordinal))
            {
                return title;
            }

            if (policy == HeaderMismatchPolicy.Overwrite)
            {
                await client.WriteHeaderAsync(title, columns, cancellationToken).ConfigureAwait(false);
                return title;
            }

            if (policy == HeaderMismatchPolicy.Error)
            {
                throw new SheetsApiException(
                    SheetsFailureKind.HeaderMismatch,
                    $"The header row of worksheet '{title}' in spreadsheet '{spreadsheetId}' is [{string.Join(", ", header)}], but the sink writes [{string.Join(", ", columns)}]. "
                    + $"Clear that row, set {nameof(GoogleSheetsSinkOptions.Columns)} to match it, choose another {nameof(GoogleSheetsSinkOptions.WorksheetName)}, "
                    + $"or set {nameof(GoogleSheetsSinkOptions.HeaderMismatch)} to {nameof(HeaderMismatchPolicy.NewWorksheet)} or {nameof(HeaderMismatchPolicy.Overwrite)}.");
            }
        }

        throw new SheetsApiException(SheetsFailureKind.HeaderMismatch, $"Worksheets '{name}' to '{name} ({MaxNewWorksheets})' all have a different header. Choose another {nameof(GoogleSheetsSinkOptions.WorksheetName)}.");
    }
}
