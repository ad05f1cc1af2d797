using System.Runtime.CompilerServices;

namespace Segmentation.Tests;

/// <summary>
/// Approved-file snapshots (Verify is not served here): the text a person reads is compared with a committed
/// <c>Approved/NAME.approved.txt</c> beside the test. On a difference the new text is written to
/// <c>NAME.received.txt</c> and the failure shows the first lines that differ; to accept it, move the received
/// file over the approved one (or run the tests once with SEGMENTATION_APPROVE=1).
/// </summary>
internal static class Approvals
{
    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(caller)!, "Approved");
        var approved = Path.Combine(folder, name + ".approved.txt");
        var received = Path.Combine(folder, name + ".received.txt");
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("SEGMENTATION_APPROVE") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approved, actual);
        }
        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No approved snapshot {approved}; the text is in {received}: read it, and move it over the approved file to accept it."
            : $"{name} differs from its approved snapshot ({received} holds the new text):\n{Diff(expected, actual)}");
    }

    /// <summary>The first differing lines, each side marked, with a line of context.</summary>
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lines = new List<string>();
        for (var i = 0; i < Math.Max(a.Length, b.Length) && lines.Count < 24; i++)
        {
            var x = i < a.Length ? a[i] : null;
            var y = i < b.Length ? b[i] : null;
            if (x == y) continue;
            if (lines.Count == 0 && i > 0) lines.Add($"  {i,4}  {a[i - 1]}");
            if (x is not null) lines.Add($"- {i + 1,4}  {x}");
            if (y is not null) lines.Add($"+ {i + 1,4}  {y}");
        }
        return string.Join('\n', lines);
    }
}
