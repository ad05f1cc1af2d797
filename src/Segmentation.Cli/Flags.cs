namespace Segmentation.Cli;

/// <summary>The flag of each library option: how the CLI says the option an <see cref="OptionException"/> names.</summary>
internal static class Flags
{
    private static readonly Dictionary<string, string> ByOption = new(StringComparer.Ordinal)
    {
        [OptionNames.K] = "--k",
        [OptionNames.KMin] = "--kmin",
        [OptionNames.KMax] = "--kmax",
        [OptionNames.Restarts] = "--restarts",
        [OptionNames.Threads] = "--threads",
        [OptionNames.FitSampleLimit] = "--fit-sample",
        [OptionNames.StabilityResamples] = "--stability-resamples",
        [OptionNames.Method] = "--method",
        [OptionNames.Eps] = "--eps",
        [OptionNames.MinSamples] = "--min-samples",
        [OptionNames.SampleCustomers] = "--sample-customers",
        [OptionNames.Delimiter] = "--delimiter",
        [OptionNames.DateFormat] = "--date-format",
        [OptionNames.DecimalSeparator] = "--decimal",
        [OptionNames.AsOf] = "--as-of",
        [OptionNames.EngineMemory] = "--memory-limit",
        [OptionNames.NetCancellations] = "--net-cancellations",
        [OptionNames.ExcludedProducts] = "--exclude-products",
        [OptionNames.CustomerColumn] = "--customer-column",
        [OptionNames.InvoiceColumn] = "--invoice-column",
        [OptionNames.DateColumn] = "--date-column",
        [OptionNames.QuantityColumn] = "--quantity-column",
        [OptionNames.PriceColumn] = "--price-column",
        [OptionNames.AmountColumn] = "--amount-column",
        [OptionNames.Database] = "--db",
        [OptionNames.Table] = "--table",
        [OptionNames.Query] = "--query",
        [OptionNames.Output] = "--out",
        [OptionNames.KeepPrevious] = "--keep-previous",
        [OptionNames.WriteBack] = "--write-back",
        [OptionNames.CurrencyCode] = "--currency",
        [OptionNames.CalibrationEnd] = "--calibration-end",
        [OptionNames.HoldoutEnd] = "--holdout-end",
        [OptionNames.AtRiskTopShare] = "--at-risk-top-share",
        [OptionNames.AudienceSegment] = "--segment",
        [OptionNames.AudienceInput] = "--input",
        [OptionNames.AudienceEmailColumn] = "--email-column",
        [OptionNames.AtRiskAliveBelow] = "--at-risk-alive-below",
        [OptionNames.HorizonMonths] = "--horizon-months",
        [OptionNames.MonthlyDiscountRate] = "--discount",
        [OptionNames.WindowDays] = "--window-days",
        [Web.ServeOptions.Names.Address] = "--address",
        [Web.ServeOptions.Names.Port] = "--port",
        [Web.ServeOptions.Names.ApiKey] = Web.ServeOptions.ApiKeyVariable,
        [Web.ServeOptions.Names.MaxUploadBytes] = "--max-upload-mb",
        [Web.ServeOptions.Names.Workers] = "--workers",
        [Web.ServeOptions.Names.RefreshEvery] = "--refresh-every",
        [Web.ServeOptions.Names.RefreshPrevious] = "--previous",
    };

    public static string Of(string option) => ByOption.TryGetValue(option, out var flag) ? flag : option;
}
