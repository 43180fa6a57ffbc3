namespace Hilt.Aop.GoogleSheets;

/// <summary>What the Google Sheets sink does when the worksheet's first row differs from the chosen columns.</summary>
public enum HeaderMismatchPolicy
{
    /// <summary>Stop with a configuration error that names both headers; nothing is written to the worksheet.</summary>
    Error,

    /// <summary>Write to a new worksheet named <c>"&lt;name&gt; (2)"</c>, <c>"&lt;name&gt; (3)"</c>... (the first that is missing, empty, or has the same header).</summary>
    NewWorksheet,

    /// <summary>Replace the first row with the chosen columns; rows already below it are left as they are.</summary>
    Overwrite,
}
