using Segmentation.Audiences;

namespace Segmentation.Tests.Audiences;

/// <summary>The forms the ad platforms match on, and their SHA-256 against vectors computed by Python's hashlib.</summary>
public sealed class ContactNormaliserTests
{
    [Theory]
    [InlineData("  Customer12347@Example.COM ", "customer12347@example.com")]
    [InlineData("a.b+tag@shop.co.uk", "a.b+tag@shop.co.uk")]
    [InlineData("no-at-sign.example.com", null)]
    [InlineData("two@@example.com", null)]
    [InlineData("nodomain@example", null)]
    [InlineData("", null)]
    public void An_email_is_trimmed_and_lower_case_or_unusable(string raw, string? expected) => Assert.Equal(expected, ContactNormaliser.Email(raw));

    [Theory]
    [InlineData("+44 7700 912347", null, "+447700912347")]
    [InlineData("0044 (7700) 912-347", "France", "+447700912347")]
    [InlineData("07700 912347", "United Kingdom", "+447700912347")]
    [InlineData("07700 912347", "EIRE", "+3537700912347")]
    [InlineData("01 23 45 67 89", "FR", "+33123456789")]
    [InlineData("07700 912347", null, null)]
    [InlineData("07700 912347", "Unspecified", null)]
    [InlineData("call me", "United Kingdom", null)]
    [InlineData("+44 12", null, null)]
    public void A_phone_becomes_E164_from_its_own_prefix_or_its_customers_country(string raw, string? country, string? expected) =>
        Assert.Equal(expected, ContactNormaliser.Phone(raw, country));

    [Fact]
    public void Names_postcodes_and_countries_take_the_forms_the_platforms_hash()
    {
        Assert.Equal("obrien", ContactNormaliser.Name("  O'Brien "));
        Assert.Equal("ann", ContactNormaliser.Name("Ann."));
        Assert.Null(ContactNormaliser.Name(" ' "));
        Assert.Equal("sw1a1aa", ContactNormaliser.Postcode("SW1A 1AA", "United Kingdom"));
        Assert.Equal("94105", ContactNormaliser.Postcode("94105-1234", "USA"));
        Assert.Equal("gb", Countries.Iso("United Kingdom"));
        Assert.Equal("ie", Countries.Iso("EIRE"));
        Assert.Equal("za", Countries.Iso("RSA"));
        Assert.Equal("de", Countries.Iso("DE"));
        Assert.Null(Countries.Iso("Unspecified"));
    }

    [Theory]
    [InlineData("customer12347@example.com", "b994a9f6c98eded3027cb3310ba005de53624231e8a3813a0ac9f6e18ea97e98")]
    [InlineData("+447700912347", "5722ddb4c4ed2f84b87bc544d643b5c2d8740292031635c5dbdc63ebfd4c698b")]
    [InlineData("447700912347", "b14b607ff08593b8992ec35e9158305477601720a6d1e81d0cbcc10d8698d97c")]
    [InlineData("ann", "49915e0d7d4b402e3017d010bc1c0e83cac6c797d6c16e66340fe3268693a6a1")]
    [InlineData("obrien", "b4cb6cb33fe4b865868de825023a1e2790dc12ac01ecc8d7c5afe8254071c8ba")]
    [InlineData("gb", "0b407281768f0e833afef47ed464b6571d01ca4d53c12ce5c51d1462f4ad6677")]
    [InlineData("sw1a1aa", "830e1d4b9838bab1f5c2acdb23e0b502ff13a9832c4632e8d67a1d43d3b7f614")]
    public void Sha256_is_lower_case_hex_of_the_utf8_bytes(string normalised, string expected) => Assert.Equal(expected, ContactNormaliser.Sha256(normalised));

    [Theory]
    [InlineData("Yes", true)]
    [InlineData(" opt-in ", true)]
    [InlineData("1", true)]
    [InlineData("NO", false)]
    [InlineData("unsubscribed", false)]
    [InlineData("maybe", null)]
    public void Consent_is_yes_no_or_no_answer(string cell, bool? expected) => Assert.Equal(expected, ContactReader.Consent(cell));

    [Theory]
    [InlineData(" 17850 ", "17850")]
    [InlineData("17850.0", "17850")]
    [InlineData(17850.0, "17850")]
    [InlineData("A-17", "A-17")]
    [InlineData("  ", null)]
    public void A_customer_id_is_read_as_the_run_wrote_it(object cell, string? expected) => Assert.Equal(expected, ContactReader.Key(cell));
}
