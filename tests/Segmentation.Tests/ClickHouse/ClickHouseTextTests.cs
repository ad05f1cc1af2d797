using Segmentation.Prepare.Engine;
using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.ClickHouse;

/// <summary>What needs no server: the address, the escaping of names and values, the result format's escapes.</summary>
public sealed class ClickHouseTextTests
{
    [Fact]
    public void An_address_gives_host_port_database_and_the_user_from_it_or_the_environment()
    {
        var full = DatabaseInput.Parse("clickhouse://ana:p%40ss@ch.example:9000/shop", "sales", null);
        Assert.Equal(DatabaseProvider.ClickHouse, full.Provider);
        Assert.Equal(new ClickHouseAddress("ch.example", 9000, false, "shop", "ana", "p@ss"), full.ClickHouse);

        var environment = new Dictionary<string, string> { ["CH"] = "clickhouses://ch.example", ["CLICKHOUSE_USER"] = "bo", ["CLICKHOUSE_PASSWORD"] = "pw" };
        var fromEnvironment = DatabaseInput.Parse("env:CH", "sales", null, name => environment.GetValueOrDefault(name));
        Assert.Equal(new ClickHouseAddress("ch.example", 8443, true, "default", "bo", "pw"), fromEnvironment.ClickHouse);

        // How messages name it: never the user or the password.
        Assert.Equal("ClickHouse table sales", full.Describe());
        Assert.Equal("ch.example:9000/shop", full.ClickHouse!.ToString());
    }

    [Fact]
    public void A_malformed_address_is_an_option_error_that_does_not_repeat_it()
    {
        var e = Assert.Throws<OptionException>(() => DatabaseInput.Parse("clickhouse://ana:s3cret@/", "sales", null));

        Assert.Equal(OptionNames.Database, e.Option);
        Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "'plain'", "`plain`")]
    [InlineData("it's", @"'it\'s'", "`it's`")]
    [InlineData(@"back\slash", @"'back\\slash'", @"`back\\slash`")]
    [InlineData("tick`; DROP TABLE t; --", "'tick`; DROP TABLE t; --'", @"`tick\`; DROP TABLE t; --`")]
    [InlineData("x'); DROP TABLE t; --", @"'x\'); DROP TABLE t; --'", "`x'); DROP TABLE t; --`")]
    [InlineData("line\nbreak\ttab\0nul", @"'line\nbreak\ttab\0nul'", @"`line\nbreak\ttab\0nul`")]
    public void Values_and_names_are_escaped_by_one_function_each(string text, string literal, string identifier)
    {
        Assert.Equal(literal, ClickHouseSql.Literal(text));
        Assert.Equal(identifier, ClickHouseSql.Identifier(text));
    }

    [Fact]
    public void A_tab_separated_value_escapes_what_a_literal_does_but_no_quote()
    {
        Assert.Equal(@"it's `x` a\tb\nc\\d\0", ClickHouseSql.TabSeparated("it's `x` a\tb\nc\\d\0"));
        Assert.Equal("plain", ClickHouseSql.TabSeparated("plain"));
    }

    [Fact]
    public void A_table_name_is_quoted_part_by_part()
    {
        Assert.Equal("`shop`.`sales`", ClickHouseSql.TableName("shop.sales"));
        Assert.Equal("`Sales Lines`", ClickHouseSql.TableName("`Sales Lines`"));
        Assert.Equal("toDateTime('2011-12-09 12:50:00')", ClickHouseSql.DateTime(new DateTime(2011, 12, 9, 12, 50, 0)));
    }

    [Theory]
    [InlineData(@"\N", null)]
    [InlineData("plain", "plain")]
    [InlineData(@"a\tb\nc\\d\'e", "a\tb\nc\\d'e")]
    [InlineData(@"\\N", @"\N")]
    public void A_result_field_is_unescaped(string field, string? value) => Assert.Equal(value, TsvDataReader.Unescape(field));

    [Fact]
    public void A_result_is_read_row_by_row_and_its_bytes_counted()
    {
        var text = "id\tname\n1\tAna\n2\t\\N\n";
        using var reader = new TsvDataReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal(["id", "name"], Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        Assert.True(reader.Read());
        Assert.Equal(("1", "Ana"), (reader.GetValue(0), reader.GetValue(1)));
        Assert.True(reader.Read());
        Assert.True(reader.IsDBNull(1));
        Assert.False(reader.Read());
        Assert.Equal(text.Length, reader.BytesRead);
    }
}
