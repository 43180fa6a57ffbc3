namespace Hilt.Aop;

/// <summary>A validated, ordered choice of columns, and the projection of an event onto it.</summary>
internal sealed class ColumnSet
{
    private ColumnSet(string[] names)
    {
        Names = names;
    }

    /// <summary>Gets the column names, in the caller's order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Gets whether the <c>message</c> column is part of the selection.</summary>
    public bool IncludesMessage => Names.Contains(HiltColumns.Message);

    /// <summary>Validates a column selection; a configuration error names the valid columns.</summary>
    /// <param name="columns">The selection, or <see langword="null"/> for all 15.</param>
    /// <param name="paramName">The option's name, for the error message.</param>
    /// <returns>The validated set.</returns>
    /// <exception cref="ArgumentException">The list is empty, or names an unknown or repeated column.</exception>
    public static ColumnSet Create(IEnumerable<string>? columns, string paramName = "columns")
    {
        if (columns is null)
        {
            return new ColumnSet([.. HiltColumns.All]);
        }

        var names = columns.ToArray();
        if (names.Length == 0)
        {
            throw new ArgumentException($"The column list is empty, which would write empty rows. Leave it unset for all columns, or choose from: {string.Join(", ", HiltColumns.All)}.", paramName);
        }

        foreach (var name in names)
        {
            if (!HiltColumns.All.Contains(name))
            {
                throw new ArgumentException($"Unknown column '{name}'. Valid columns: {string.Join(", ", HiltColumns.All)}.", paramName);
            }
        }

        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"Column '{repeated.Key}' is listed more than once.", paramName);
        }

        return new ColumnSet(names);
    }

    /// <summary>Projects an event onto the columns: one value per column, <see langword="null"/> where the event has none.</summary>
    /// <param name="hiltEvent">The event.</param>
    /// <returns>The values, in column order.</returns>
    public object?[] Project(HiltEvent hiltEvent)
    {
        var values = new object?[Names.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ColumnValues.Get(hiltEvent, Names[i]);
        }

        return values;
    }
}
