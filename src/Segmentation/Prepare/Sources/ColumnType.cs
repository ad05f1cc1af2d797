namespace Segmentation.Prepare.Sources;

/// <summary>The kinds of value a written column holds: each file or database writes them in its own form.</summary>
internal enum ColumnType
{
    Text,
    Integer,

    /// <summary>An exact amount (a customer's spend).</summary>
    Decimal,

    /// <summary>A measured figure (a distance, a probability).</summary>
    Real,

    /// <summary>Yes or no.</summary>
    Flag,
    Day,
    Timestamp,
}
