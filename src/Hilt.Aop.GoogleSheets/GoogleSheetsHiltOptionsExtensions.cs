using Hilt.Aop.GoogleSheets;

namespace Hilt.Aop;

/// <summary>Adds the Google Sheets sink to <see cref="HiltOptions"/>.</summary>
public static class GoogleSheetsHiltOptionsExtensions
{
    /// <summary>Appends every event as a row of a Google Sheets worksheet, batched in the background.</summary>
    /// <param name="options">The recorder options; their <see cref="HiltOptions.TimeProvider"/> and <see cref="HiltOptions.Diagnostics"/> are used, so set the clock first.</param>
    /// <param name="configure">Sets the sheet id, the credentials and anything else to change from the defaults.</param>
    /// <returns>The same options, for chaining.</returns>
    /// <remarks>
    /// Configuration is checked here, once: with <see cref="GoogleSheetsSinkOptions.VerifyAtStartup"/> on, Google is also asked
    /// whether the sheet exists, is shared with the service account, and has the expected header. When Google cannot be reached,
    /// that check moves to the background and rows are spooled; nothing here ever throws into an intercepted call.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sheet id or the credentials are missing or unusable, or another option is invalid; the message names it.</exception>
    /// <exception cref="InvalidOperationException">Google refused the sheet (403/404) or the key, or the header row differs from the columns under <see cref="HeaderMismatchPolicy.Error"/>.</exception>
    public static HiltOptions WriteToGoogleSheets(this HiltOptions options, Action<GoogleSheetsSinkOptions> configure)
    {
        Throw.IfNull(options);
        Throw.IfNull(configure);
        var sinkOptions = new GoogleSheetsSinkOptions();
        configure(sinkOptions);
        return options.WriteTo(GoogleSheetsSink.Create(sinkOptions, options.TimeProvider, options.Diagnostics));
    }
}
