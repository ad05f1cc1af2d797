namespace Segmentation.Audiences;

/// <summary>The tools an audience goes to, each with the columns its import documents.</summary>
public enum AudienceFormat
{
    /// <summary>Klaviyo's list import: Email first, then profile properties.</summary>
    Klaviyo,

    /// <summary>Mailchimp's audience import: Email Address first, then merge fields.</summary>
    Mailchimp,

    /// <summary>Google Ads Customer Match: Email, Phone, First Name, Last Name, Country, Zip; hashed on request.</summary>
    Google,

    /// <summary>Meta custom audiences: EMAIL, PHONE, FN, LN, ZIP, COUNTRY, always SHA-256.</summary>
    Meta,
}
