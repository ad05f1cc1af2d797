using System.CommandLine;
using System.Globalization;
using Segmentation.App;
using Segmentation.Formatting;
using Segmentation.Lifetime;

namespace Segmentation.Cli;

/// <summary><c>clv</c>: who is still a customer, what each is worth, and how well the model predicted a holdout period.</summary>
internal static class ClvCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var d = ClvOptions.Default;
        var input = new InputArguments();
        var calibrationEnd = new Option<string?>("--calibration-end") { Description = "Last day of the calibration period (yyyy-MM-dd, the whole day); default: the last purchase day." };
        var holdoutEnd = new Option<string?>("--holdout-end") { Description = "Last day of a holdout period after it: the predictions are checked against what happened (default: the last purchase day when --calibration-end is earlier)." };
        var unit = UnitOption("--unit");
        var horizon = new Option<int>("--horizon-months") { Description = "Months of lifetime value.", DefaultValueFactory = _ => d.HorizonMonths };
        var discount = new Option<double>("--discount") { Description = "Monthly discount rate of lifetime value.", DefaultValueFactory = _ => d.MonthlyDiscountRate };
        var window = new Option<int>("--window-days") { Description = "Days of P(no purchase) and expected purchases.", DefaultValueFactory = _ => d.WindowDays };
        var model = ModelOption();
        var (topShare, aliveBelow) = AtRiskOptions();
        var output = new Option<string>("--out", "-o") { Description = "The CSV to write, one row per customer; the fits go beside it as JSON (clv.json).", DefaultValueFactory = _ => Path.Combine("data", "processed", "clv.csv") };
        var command = new Command("clv", "Fit a purchase model (BG/NBD by default) and Gamma-Gamma: P(alive), expected purchases and lifetime value per customer; with a calibration end, checked on the holdout.");
        input.AddTo(command);
        foreach (var o in new Option[] { calibrationEnd, holdoutEnd, model, unit, horizon, discount, window, topShare, aliveBelow, output }) command.Options.Add(o);
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var calibration = Day(p.GetValue(calibrationEnd), OptionNames.CalibrationEnd);
            var options = new ClvOptions
            {
                CalibrationEnd = calibration,
                HoldoutEnd = Day(p.GetValue(holdoutEnd), OptionNames.HoldoutEnd),
                Model = p.GetValue(model),
                Unit = p.GetValue(unit),
                HorizonMonths = p.GetValue(horizon),
                MonthlyDiscountRate = p.GetValue(discount),
                WindowDays = p.GetValue(window),
                AtRiskTopShare = p.GetValue(topShare),
                AtRiskAliveBelow = p.GetValue(aliveBelow),
            };
            var progress = new ConsoleProgress(stderr, "Reading transactions");
            var result = SegmentationApp.Clv(input.Source(p, stderr), options, input.Prepare(p));
            progress.Done();
            var path = p.GetValue(output)!;
            var written = SegmentationApp.WriteClv(path, result);
            Write(stdout, result);
            foreach (var file in written) stdout.WriteLine($"Wrote {file}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>--unit on clv, --clv-unit on run.</summary>
    public static Option<TimeUnit> UnitOption(string name) => new(name)
    {
        Description = "Unit of recency and T: days, weeks or months (30.4375 days); with bgbb, the period of one purchase opportunity (a day, a calendar week, a calendar month).",
        DefaultValueFactory = _ => ClvOptions.Default.Unit,
    };

    /// <summary>--btyd-model, on clv and on run.</summary>
    public static Option<PurchaseModel> ModelOption() => new("--btyd-model")
    {
        Description = "The purchase model: bgnbd, paretonbd, mbgnbd, auto (those three fitted on the calibration period; kept, the one closest per customer on the holdout, or without one the lowest BIC), "
            + "or bgbb (one chance to buy per period of the unit: day, calendar week from Monday, calendar month; for donations, subscription boxes, events).",
        DefaultValueFactory = _ => ClvOptions.Default.Model,
    };

    /// <summary>--at-risk-top-share and --at-risk-alive-below, on clv and on run.</summary>
    public static (Option<double> TopShare, Option<double?> AliveBelow) AtRiskOptions() => (
        new("--at-risk-top-share")
        {
            Description = "At risk of leaving: looked for among this share of customers, highest lifetime value first.",
            DefaultValueFactory = _ => ClvOptions.Default.AtRiskTopShare,
        },
        new("--at-risk-alive-below")
        {
            Description = "At risk of leaving: those of them with a P(alive) below this. Default: below 0.5, or below the P(alive) of the lowest tenth of them when that is higher "
                + "(a fixed 0.5 names nobody when the model sees little dropout).",
        });

    public static DateTime? Day(string? text, string option)
    {
        if (text is null) return null;
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        throw new OptionException(option, $"'{text}' is not a day such as 2011-09-09");
    }

    private static void Write(TextWriter o, ClvResult r)
    {
        var s = r.Summary;
        var unit = s.Unit.ToString().ToLowerInvariant();
        o.WriteLine($"Calibration to {Display.Date(s.CalibrationEnd)}: {Display.Count(s.Customers.Count)} customers, {Display.Count(s.RepeatCustomers)} bought again (times in {unit})");
        var f = r.Purchases;
        var se = f.Diagnostics.StandardErrors;
        var parameters = f.Parameters.Where(p => p.Value is not null).Select((p, i) => $"{p.Name} = {N(p.Value!.Value)} ({N(se[i])})");
        o.WriteLine($"{f.Model}: {string.Join(", ", parameters)}{(f.NoDropout ? "; no dropout" : "")}");
        o.WriteLine($"  log-likelihood {Display.Number(f.Diagnostics.LogLikelihood, 1)}, gradient norm {f.Diagnostics.GradientNorm:G2}, {Display.Count(f.Diagnostics.Patterns)} distinct (x, t_x, T) patterns; standard errors in brackets");
        foreach (var b in f.Diagnostics.Boundary) o.WriteLine($"  note: {b}");
        if (r.Comparison is { } comparison) WriteComparison(o, comparison);
        var g = r.Spend;
        o.WriteLine($"Gamma-Gamma: p = {N(g.Parameters.P)}, q = {N(g.Parameters.Q)}, gamma = {N(g.Parameters.Gamma)} on {Display.Count(g.Diagnostics.Customers)} repeat customers; " +
            $"correlation of frequency and spend {N(g.FrequencySpendCorrelation)} ({(Math.Abs(g.FrequencySpendCorrelation) < 0.3 ? "weak: the model's independence assumption is reasonable" : "not weak: the model assumes none, read its values with care")})");
        if (r.Validation is { } v)
        {
            o.WriteLine($"Holdout of {Display.Number(v.Length, 1)} {unit}: predicted {Display.Number(v.Predicted, 1)} repeat purchases, actual {Display.Count(v.Actual)} ({Display.Percent(v.RelativeError)}); mean absolute error per customer {Display.Number(v.MeanAbsoluteError, 3)}");
            o.WriteLine($"  {"repeat purchases in calibration",-32}{"customers",10}{"predicted each",16}{"actual each",13}");
            foreach (var group in v.Groups)
            {
                o.WriteLine($"  {group.Frequency,-32}{Display.Count(group.Customers),10}{Display.Number(group.PredictedPerCustomer, 3),16}{Display.Number(group.ActualPerCustomer, 3),13}");
            }
        }
        var risk = r.AtRisk;
        o.WriteLine($"At risk of leaving: {Display.Count(risk.Customers)} of the top {Display.Percent(risk.TopShare, 0)} by value, with a P(alive) below {Display.Percent(risk.AliveBelow, 1)}"
            + (risk.Relative ? $" (the lowest {Display.Percent(ClvOptions.AtRiskLowestShare, 0)} of them by P(alive): the model sees little dropout; --at-risk-alive-below sets a fixed threshold)" : ""));
        var total = r.Customers.Sum(c => c.Clv);
        o.WriteLine($"Lifetime value over {r.Options.HorizonMonths} months (discount {Display.Percent(r.Options.MonthlyDiscountRate)} a month): {Display.Money(total)} in all; the top 10:");
        foreach (var (customer, value) in r.Summary.Customers.Zip(r.Customers).OrderByDescending(p => p.Second.Clv).Take(10))
        {
            o.WriteLine($"  {customer.CustomerId,-12}{Display.Money(value.Clv),14} (80%: {Display.Money(value.ClvLow)} to {Display.Money(value.ClvHigh)}), P(alive) {Display.Percent(value.ProbabilityAlive)}, next purchase {Display.NextPurchase(value.ExpectedNextPurchase)}");
        }
    }

    private static void WriteComparison(TextWriter o, ModelComparison comparison)
    {
        o.WriteLine($"  models compared on the calibration period{(comparison.Models.Any(m => m.Holdout is not null) ? " and its holdout" : "")}:");
        o.WriteLine($"    {"model",-12}{"log-lik.",12}{"BIC",12}{"holdout predicted",19}{"actual",9}{"error",9}{"MAE",8}{"RMSE",8}");
        foreach (var m in comparison.Models)
        {
            if (m.Failure is not null)
            {
                o.WriteLine($"    {m.Model,-12}not fitted: {m.Failure}");
                continue;
            }
            var h = m.Holdout;
            o.WriteLine($"    {m.Model,-12}{Display.Number(m.LogLikelihood, 1),12}{Display.Number(m.Bic, 1),12}"
                + (h is null ? "" : $"{Display.Number(h.Predicted, 1),19}{Display.Count(h.Actual),9}{Display.Percent(h.RelativeError),9}{Display.Number(h.MeanAbsoluteError, 3),8}{Display.Number(h.RootMeanSquaredError, 3),8}"));
        }
        o.WriteLine($"  kept: {comparison.Reason}");
    }

    private static string N(double value) => Display.Number(value, 4);
}
