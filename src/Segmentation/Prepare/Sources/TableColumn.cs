namespace Segmentation.Prepare.Sources;

/// <summary>A column of a table we write: its name and the kind of its values (null where a row has none).</summary>
internal sealed record TableColumn(string Name, ColumnType Type);
