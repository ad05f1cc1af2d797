using Segmentation.App;
using Segmentation.Clustering;
using Segmentation.Prepare;
using Segmentation.Prepare.Sample;
using Segmentation.Prepare.Sources;

namespace Segmentation;

/// <summary>
/// The names <see cref="OptionException"/> (and <see cref="InputException.Option"/>) give options: one list, which the
/// doors map onto their own spelling. Compile-time constants: a stage that names an option depends on no later stage.
/// </summary>
public static class OptionNames
{
    public const string K = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.K);
    public const string KMin = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.KMin);
    public const string KMax = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.KMax);
    public const string Restarts = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.Restarts);
    public const string Threads = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.Threads);
    public const string MaxIterations = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.MaxIterations);
    public const string FitSampleLimit = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.FitSampleLimit);
    public const string StabilityResamples = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.StabilityResamples);
    public const string Method = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.Method);
    public const string Eps = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.Eps);
    public const string MinSamples = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.MinSamples);
    public const string SilhouetteSampleSize = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.SilhouetteSampleSize);
    public const string SilhouetteExactLimit = nameof(ClusteringOptions) + "." + nameof(ClusteringOptions.SilhouetteExactLimit);
    public const string SampleCustomers = nameof(SampleOptions) + "." + nameof(SampleOptions.Customers);
    public const string Delimiter = nameof(IngestOptions) + "." + nameof(IngestOptions.Delimiter);
    public const string DecimalSeparator = nameof(IngestOptions) + "." + nameof(IngestOptions.DecimalSeparator);
    public const string DateFormat = nameof(IngestOptions) + "." + nameof(IngestOptions.DateFormat);
    public const string CustomerColumn = nameof(ColumnMapping) + "." + nameof(ColumnMapping.Customer);
    public const string InvoiceColumn = nameof(ColumnMapping) + "." + nameof(ColumnMapping.Invoice);
    public const string DateColumn = nameof(ColumnMapping) + "." + nameof(ColumnMapping.Date);
    public const string QuantityColumn = nameof(ColumnMapping) + "." + nameof(ColumnMapping.Quantity);
    public const string PriceColumn = nameof(ColumnMapping) + "." + nameof(ColumnMapping.UnitPrice);
    public const string AmountColumn = nameof(ColumnMapping) + "." + nameof(ColumnMapping.Amount);
    public const string StockCodeColumn = nameof(ColumnMapping) + "." + nameof(ColumnMapping.StockCode);
    public const string DescriptionColumn = nameof(ColumnMapping) + "." + nameof(ColumnMapping.Description);
    public const string CountryColumn = nameof(ColumnMapping) + "." + nameof(ColumnMapping.Country);
    public const string Database = nameof(DatabaseInput) + "." + nameof(DatabaseInput.Connection);
    public const string Table = nameof(DatabaseInput) + "." + nameof(DatabaseInput.Table);
    public const string Query = nameof(DatabaseInput) + "." + nameof(DatabaseInput.Query);
    public const string NetCancellations = nameof(CleaningOptions) + "." + nameof(CleaningOptions.NetCancellations);
    public const string ExcludedProducts = nameof(CleaningOptions) + "." + nameof(CleaningOptions.ExcludedProducts);
    public const string EngineMemory = nameof(PrepareOptions) + "." + nameof(PrepareOptions.EngineMemoryMegabytes);
    public const string AsOf = nameof(PrepareOptions) + "." + nameof(PrepareOptions.AsOf);
    public const string Output = nameof(PublishOptions) + "." + nameof(PublishOptions.Folder);
    public const string CurrencyCode = nameof(Report.ReportSettings) + "." + nameof(Report.ReportSettings.CurrencyCode);
    public const string PlottedCustomers = nameof(Report.ReportSettings) + "." + nameof(Report.ReportSettings.PlottedCustomers);
    public const string ListedCustomers = nameof(Report.ReportSettings) + "." + nameof(Report.ReportSettings.ListedCustomers);
    public const string KeepPrevious = nameof(PublishOptions) + "." + nameof(PublishOptions.KeepPrevious);
    public const string WriteBack = nameof(PublishOptions) + "." + nameof(PublishOptions.WriteBack);
    public const string CalibrationEnd = nameof(Segmentation.Lifetime.ClvOptions) + "." + nameof(Segmentation.Lifetime.ClvOptions.CalibrationEnd);
    public const string AudienceSegment = nameof(Segmentation.Audiences.AudienceRequest) + "." + nameof(Segmentation.Audiences.AudienceRequest.Segment);
    public const string AudienceEmailColumn = nameof(Segmentation.Audiences.AudienceRequest) + "." + nameof(Segmentation.Audiences.ContactField.Email);
    public const string AudienceInput = nameof(Segmentation.Audiences.AudienceRequest) + "." + nameof(Segmentation.Audiences.AudienceRequest.Input);
    public const string AtRiskTopShare = nameof(Segmentation.Lifetime.ClvOptions) + "." + nameof(Segmentation.Lifetime.ClvOptions.AtRiskTopShare);
    public const string AtRiskAliveBelow = nameof(Segmentation.Lifetime.ClvOptions) + "." + nameof(Segmentation.Lifetime.ClvOptions.AtRiskAliveBelow);
    public const string HorizonMonths = nameof(Segmentation.Lifetime.ClvOptions) + "." + nameof(Segmentation.Lifetime.ClvOptions.HorizonMonths);
    public const string MonthlyDiscountRate = nameof(Segmentation.Lifetime.ClvOptions) + "." + nameof(Segmentation.Lifetime.ClvOptions.MonthlyDiscountRate);
    public const string WindowDays = nameof(Segmentation.Lifetime.ClvOptions) + "." + nameof(Segmentation.Lifetime.ClvOptions.WindowDays);
    public const string HoldoutEnd = nameof(Segmentation.Lifetime.ClvOptions) + "." + nameof(Segmentation.Lifetime.ClvOptions.HoldoutEnd);
}
