namespace Segmentation.Clustering.Segments;

/// <summary>The 11 standard segments of the 125 RFM score codes (../shared/reference/rfm_segments.md).</summary>
internal static class RfmScoreSegments
{
    /// <summary>Segment name to its codes (R F M digits), exactly as the reference lists them.</summary>
    public static IReadOnlyDictionary<string, string[]> Codes { get; } = new Dictionary<string, string[]>
    {
        [SegmentCatalogue.Champions] = ["555", "554", "544", "545", "454", "455", "445"],
        [SegmentCatalogue.Loyal] = ["543", "444", "435", "355", "354", "345", "344", "335"],
        [SegmentCatalogue.PotentialLoyalist] = ["553", "551", "552", "541", "542", "533", "532", "531", "452", "451", "442", "441", "431", "453", "433", "432", "423", "353", "352", "351", "342", "341", "333", "323"],
        [SegmentCatalogue.NewCustomers] = ["512", "511", "422", "421", "412", "411", "311"],
        [SegmentCatalogue.Promising] = ["525", "524", "523", "522", "521", "515", "514", "513", "425", "424", "413", "414", "415", "315", "314", "313"],
        [SegmentCatalogue.NeedAttention] = ["535", "534", "443", "434", "343", "334", "325", "324"],
        [SegmentCatalogue.AboutToSleep] = ["331", "321", "312", "221", "213", "231", "241", "251"],
        [SegmentCatalogue.AtRisk] = ["255", "254", "245", "244", "253", "252", "243", "242", "235", "234", "225", "224", "153", "152", "145", "143", "142", "135", "134", "133", "125", "124"],
        [SegmentCatalogue.CantLoseThem] = ["155", "154", "144", "214", "215", "115", "114", "113"],
        [SegmentCatalogue.Hibernating] = ["332", "322", "233", "232", "223", "222", "132", "123", "122", "212", "211"],
        [SegmentCatalogue.Lost] = ["111", "112", "121", "131", "141", "151"],
    };

    // Indexed by (r - 1) * 25 + (f - 1) * 5 + (m - 1): read once per customer and per profile, so no text is built to look one up.
    private static readonly string?[] ByScores = Scored();

    private static string?[] Scored()
    {
        var names = new string?[125];
        foreach (var (name, codes) in Codes)
        {
            foreach (var code in codes) names[Index(code[0] - '0', code[1] - '0', code[2] - '0')] = name;
        }
        return names;
    }

    private static int Index(int r, int f, int m) => (r - 1) * 25 + (f - 1) * 5 + (m - 1);

    public static string Of(int r, int f, int m) =>
        r is >= 1 and <= 5 && f is >= 1 and <= 5 && m is >= 1 and <= 5 && ByScores[Index(r, f, m)] is { } name
            ? name
            : throw new ArgumentOutOfRangeException(nameof(r), $"No segment for code {r}{f}{m}.");
}
