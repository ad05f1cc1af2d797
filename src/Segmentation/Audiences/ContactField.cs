namespace Segmentation.Audiences;

/// <summary>A column of contact data a transactions file may carry beside its purchases: personal, never clustered on, never reported.</summary>
public enum ContactField
{
    Email,
    Phone,
    FirstName,
    LastName,
    Postcode,
    Country,
    Consent,
}
