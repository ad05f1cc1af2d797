using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.Ingest;

public sealed class DatabaseInputTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["SALES_DB"] = "Host=db.internal;Database=shop;Username=analyst;Password=hunter2",
    };

    private static DatabaseInput Parse(string db, string? table = "sales", string? query = null) =>
        DatabaseInput.Parse(db, table, query, name => Environment.GetValueOrDefault(name));

    [Fact]
    public void A_connection_string_from_the_environment_is_used_but_never_shown()
    {
        var input = Parse("env:SALES_DB", "public.sales");

        Assert.Equal(DatabaseProvider.PostgreSql, input.Provider);
        Assert.Equal(Environment["SALES_DB"], input.Connection);
        Assert.Equal("PostgreSQL table public.sales", input.Describe());
        Assert.DoesNotContain("hunter2", input.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unset_variable_is_named_and_its_option_given()
    {
        var e = Assert.Throws<OptionException>(() => Parse("env:NOT_SET"));

        Assert.Contains("'NOT_SET' is not set", e.Message, StringComparison.Ordinal);
        Assert.Equal(OptionNames.Database, e.Option);
    }

    [Theory]
    [InlineData("warehouse.duckdb", DatabaseProvider.DuckDb)]
    [InlineData("data/shop.ddb", DatabaseProvider.DuckDb)]
    [InlineData("Host=localhost;Database=shop", DatabaseProvider.PostgreSql)]
    public void The_provider_follows_from_the_value(string db, DatabaseProvider expected)
    {
        Assert.Equal(expected, Parse(db).Provider);
    }

    [Fact]
    public void A_value_that_is_neither_is_refused_without_repeating_it()
    {
        var e = Assert.Throws<OptionException>(() => Parse("postgres-with-a-typo-and-a-password"));

        Assert.DoesNotContain("typo", e.Message, StringComparison.Ordinal);
        Assert.Contains("DuckDB database file", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sales", null)]
    [InlineData(null, "SELECT 1")]
    public void Exactly_one_of_table_and_query_is_given(string? table, string? query)
    {
        var input = Parse("shop.duckdb", table, query);
        Assert.Equal((table, query), (input.Table, input.Query));
        Assert.Throws<OptionException>(() => Parse("shop.duckdb", null, null));
        Assert.Throws<OptionException>(() => Parse("shop.duckdb", "sales", "SELECT 1"));
    }

    [Theory]
    [InlineData("sales", "\"sales\"")]
    [InlineData("public.sales", "\"public\".\"sales\"")]
    [InlineData("\"Sales Lines\"", "\"Sales Lines\"")]
    [InlineData("sales\"; DROP TABLE sales; --", "\"sales\"\"; DROP TABLE sales; --\"")]
    public void Every_part_of_a_table_name_is_quoted(string table, string from)
    {
        Assert.Equal(from, Parse("shop.duckdb", table).From);
    }

    [Fact]
    public void A_query_becomes_a_subquery_without_its_semicolon()
    {
        Assert.Equal("(SELECT * FROM sales WHERE year = 2011) AS source", Parse("shop.duckdb", null, " SELECT * FROM sales WHERE year = 2011; ").From);
    }
}
