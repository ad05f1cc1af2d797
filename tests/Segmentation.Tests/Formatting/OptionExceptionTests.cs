namespace Segmentation.Tests.Formatting;

/// <summary>A reason that mentions another option is said in the library's names, or in a door's.</summary>
public sealed class OptionExceptionTests
{
    [Fact]
    public void Other_options_in_a_reason_are_named_by_the_door_that_says_it()
    {
        var e = new OptionException(OptionNames.Eps, $"applies to {OptionException.Ref(OptionNames.Method)} dbscan only");

        Assert.Equal("applies to ClusteringOptions.Method dbscan only", e.Reason);
        Assert.Equal("ClusteringOptions.Eps: applies to ClusteringOptions.Method dbscan only", e.Message);
        Assert.Equal("applies to --method dbscan only", e.ReasonIn(name => name == OptionNames.Method ? "--method" : name));
        Assert.Equal("'{a.b}' is not a date", new OptionException(OptionNames.AsOf, "'{a.b}' is not a date").ReasonIn(_ => "X"));
    }
}
