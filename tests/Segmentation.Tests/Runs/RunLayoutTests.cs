using Segmentation.Runs.Files;

namespace Segmentation.Tests.Runs;

/// <summary>The names earlier runs are moved aside to are written and read back by one type, and sort in the order of the moves.</summary>
public sealed class RunLayoutTests
{
    [Fact]
    public void Folders_moved_aside_are_found_again_newest_first_and_other_folders_are_not()
    {
        using var temp = new TempFolder();
        var run = temp.File("run");
        Directory.CreateDirectory(temp.File("run.20000101T000000Z-7"));
        Directory.CreateDirectory(temp.File("run.backup"));
        Directory.CreateDirectory(temp.File("runs.20000101T000000Z"));

        var moved = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            Directory.CreateDirectory(run);
            File.WriteAllText(Path.Combine(run, "metrics.json"), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            moved.Add(RunLayout.MoveAside(run)!);
        }

        Assert.False(Directory.Exists(run));
        Assert.Equal([.. Enumerable.Reverse(moved), temp.File("run.20000101T000000Z-7")], RunLayout.Previous(run));
        Assert.Equal("2", File.ReadAllText(Path.Combine(RunLayout.Previous(run)[0], "metrics.json")));
        Assert.Null(RunLayout.MoveAside(run));
    }

    [Fact]
    public void The_history_lives_beside_the_run_folders()
    {
        using var temp = new TempFolder();

        Assert.Equal(temp.File("history.db"), RunLayout.HistoryBeside(temp.File("run") + Path.DirectorySeparatorChar));
        Assert.Equal(temp.File("history.db"), RunLayout.HistoryIn(temp.Path));
    }
}
