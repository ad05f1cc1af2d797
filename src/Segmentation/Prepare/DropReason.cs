namespace Segmentation.Prepare;

/// <summary>Why a row was removed, in the order the rules are applied.</summary>
internal enum DropReason
{
    None = 0,
    Unparseable,
    MissingCustomer,
    ExcludedProduct,
    Cancelled,
    NonPositiveQuantity,
    NonPositivePrice,
    NonPositiveAmount,
    CancelledPurchase,
    AfterAsOf,
    BeforeWindow,
    Duplicate,
}

internal static class DropReasons
{
    /// <summary>The account's name for a rule: stable, used as a JSON key.</summary>
    public static string Key(this DropReason reason) => reason switch
    {
        DropReason.Unparseable => "unparseable",
        DropReason.MissingCustomer => "missing_customer",
        DropReason.ExcludedProduct => "excluded_product",
        DropReason.Cancelled => "cancelled_invoice",
        DropReason.NonPositiveQuantity => "quantity_not_positive",
        DropReason.NonPositivePrice => "unit_price_not_positive",
        DropReason.NonPositiveAmount => "amount_not_positive",
        DropReason.CancelledPurchase => "purchase_cancelled_in_full",
        DropReason.AfterAsOf => "after_as_of_date",
        DropReason.BeforeWindow => "before_window",
        DropReason.Duplicate => "duplicate_row",
        _ => "kept",
    };

    /// <summary>The rule in words, for people.</summary>
    public static string Describe(this DropReason reason) => reason switch
    {
        DropReason.Unparseable => "a value did not parse (skipped on request)",
        DropReason.MissingCustomer => "no customer ID",
        DropReason.ExcludedProduct => "not a product (an excluded stock code)",
        DropReason.Cancelled => "cancelled invoice (number starts with C)",
        DropReason.NonPositiveQuantity => "quantity zero or negative",
        DropReason.NonPositivePrice => "unit price zero or negative",
        DropReason.NonPositiveAmount => "line amount zero or negative",
        DropReason.CancelledPurchase => "purchase later cancelled in full",
        DropReason.AfterAsOf => "on or after the as-of date",
        DropReason.BeforeWindow => "before the window (the model's length, counted back from the snapshot)",
        DropReason.Duplicate => "exact repeat of an earlier row",
        _ => "kept",
    };
}
