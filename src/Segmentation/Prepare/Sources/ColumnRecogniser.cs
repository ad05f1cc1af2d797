namespace Segmentation.Prepare.Sources;

/// <summary>
/// Finds which header holds which field when no full mapping is given: the known UCI layouts first, then each
/// field by the names exports commonly give it, case and separators ignored; a column the user named is taken as
/// named. Everything that is still missing is told in one message, with the nearest headers, so that one more
/// run with the right flags succeeds.
/// </summary>
internal static class ColumnRecogniser
{
    private static readonly ColumnRole[] Order =
    [
        ColumnRole.Customer, ColumnRole.Invoice, ColumnRole.Date, ColumnRole.Quantity, ColumnRole.UnitPrice,
        ColumnRole.Amount, ColumnRole.StockCode, ColumnRole.Description, ColumnRole.Country,
    ];

    /// <param name="named">Columns the user named; a null header says the file has no such column (an invoice).</param>
    public static ColumnMapping Find(string file, IReadOnlyList<string> header, IReadOnlyDictionary<ColumnRole, string?> named, char delimiter)
    {
        if (named.Count == 0 && ColumnMapping.Recognise(header) is { } layout) return layout;
        if (header.Count == 1 && ProbableDelimiter(header[0], delimiter) is { } probable)
        {
            throw new InputException(file,
                $"the header is a single field ('{Shorten(header[0])}'): the fields are probably separated by {Describe(probable)}, not {Describe(delimiter)}",
                row: 1, option: OptionNames.Delimiter) { Header = header };
        }

        var normalised = header.Select(ColumnRoles.Normalise).ToArray();
        var used = new HashSet<int>();
        var found = new Dictionary<ColumnRole, string?>();
        var missing = new List<ColumnRole>();
        // Named columns first, so that a recognised name never takes a header the user gave to another field.
        foreach (var (role, name) in named)
        {
            if (name is null) { found[role] = null; continue; }
            var index = ColumnMapping.IndexOf(header, name);
            if (index < 0) missing.Add(role);
            else { used.Add(index); found[role] = header[index]; }
        }
        foreach (var role in Order)
        {
            if (named.ContainsKey(role)) continue;
            if (ByAlias(normalised, role, used) is { } index) { used.Add(index); found[role] = header[index]; }
        }

        string? Get(ColumnRole role) => found.GetValueOrDefault(role);
        var amountNamed = named.ContainsKey(ColumnRole.Amount);
        var priced = Get(ColumnRole.Quantity) is not null && Get(ColumnRole.UnitPrice) is not null;
        // Quantity x unit price is preferred to a total column unless the user named the total: a "total" may be the order's.
        var useAmount = Get(ColumnRole.Amount) is not null && (amountNamed || !priced);
        if (Get(ColumnRole.Customer) is null && !missing.Contains(ColumnRole.Customer)) missing.Add(ColumnRole.Customer);
        if (!found.ContainsKey(ColumnRole.Invoice) && !missing.Contains(ColumnRole.Invoice)) missing.Add(ColumnRole.Invoice);
        if (Get(ColumnRole.Date) is null && !missing.Contains(ColumnRole.Date)) missing.Add(ColumnRole.Date);
        if (!useAmount && !missing.Contains(ColumnRole.Amount))
        {
            if (Get(ColumnRole.Quantity) is null && !missing.Contains(ColumnRole.Quantity)) missing.Add(ColumnRole.Quantity);
            if (Get(ColumnRole.UnitPrice) is null && !missing.Contains(ColumnRole.UnitPrice)) missing.Add(ColumnRole.UnitPrice);
        }
        if (missing.Count > 0) throw Missing(file, header, normalised, missing, used, found);

        return new ColumnMapping
        {
            Customer = Get(ColumnRole.Customer)!,
            Invoice = Get(ColumnRole.Invoice),
            Date = Get(ColumnRole.Date)!,
            Quantity = useAmount ? null : Get(ColumnRole.Quantity),
            UnitPrice = useAmount ? null : Get(ColumnRole.UnitPrice),
            Amount = useAmount ? Get(ColumnRole.Amount) : null,
            StockCode = Get(ColumnRole.StockCode),
            Description = Get(ColumnRole.Description),
            Country = Get(ColumnRole.Country),
        };
    }

    private static int? ByAlias(string[] normalised, ColumnRole role, HashSet<int> used)
    {
        foreach (var alias in ColumnRoles.Aliases(role))
        {
            for (var i = 0; i < normalised.Length; i++)
            {
                if (!used.Contains(i) && normalised[i] == alias) return i;
            }
        }
        return null;
    }

    private static MissingColumnsException Missing(string file, IReadOnlyList<string> header, string[] normalised, List<ColumnRole> missing, HashSet<int> used,
        Dictionary<ColumnRole, string?> found)
    {
        var closest = Closest(header, normalised, missing, used);
        var suggested = found.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
        foreach (var role in missing) if (closest[role].Count > 0) suggested[role] = closest[role][0];
        var details = missing.Select(role => new MissingColumn(role, ColumnRoles.Option(role), closest[role])).ToArray();
        var fields = string.Join(", ", details.Select(d => d.Field + (d.Closest.Count > 0 ? $" (closest: {string.Join(" or ", d.Closest.Select(c => $"'{c}'"))})" : "")));
        var money = missing.Contains(ColumnRole.Quantity) || missing.Contains(ColumnRole.UnitPrice) ? "; a line-amount column can stand for quantity and unit price" : "";
        var invoice = missing.Contains(ColumnRole.Invoice) ? "; a file without invoices can say so, and then each customer and timestamp is one order" : "";
        return new MissingColumnsException(file,
            $"cannot find the column{(details.Length > 1 ? "s" : "")} for {fields}; the header has {string.Join(", ", header.Select(h => $"'{h}'"))}{money}{invoice}",
            header, details, suggested);
    }

    /// <summary>
    /// For each missing field, up to two unused headers that look most like one of its usual names; a header is
    /// offered to one field only, the one it looks most like, so that the suggested flags never read one column twice.
    /// </summary>
    private static Dictionary<ColumnRole, IReadOnlyList<string>> Closest(IReadOnlyList<string> header, string[] normalised, List<ColumnRole> missing, HashSet<int> used)
    {
        var candidates = missing
            .SelectMany(role => Enumerable.Range(0, header.Count).Where(i => !used.Contains(i))
                .Select(i => (Role: role, Index: i, Score: ColumnRoles.Aliases(role).Max(a => Similarity(normalised[i], a)))))
            .Where(c => c.Score >= 0.6)
            .ToList();
        var owner = candidates.GroupBy(c => c.Index).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Score).First().Role);
        return missing.ToDictionary(role => role, role => (IReadOnlyList<string>)candidates
            .Where(c => c.Role == role && owner[c.Index] == role)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Index)
            .Take(2).Select(c => header[c.Index]).ToArray());
    }

    /// <summary>1 for equal names; a name that contains the other (of three letters or more) counts as close.</summary>
    private static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        if (a == b) return 1;
        if ((a.Length >= 3 && b.Contains(a, StringComparison.Ordinal)) || (b.Length >= 3 && a.Contains(b, StringComparison.Ordinal))) return 0.8;
        return 1.0 - (double)Levenshtein(a, b) / Math.Max(a.Length, b.Length);
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The separator a one-field header holds most of, if it holds any.</summary>
    private static char? ProbableDelimiter(string field, char delimiter)
    {
        var best = ((char?)null, 0);
        foreach (var candidate in new[] { '\t', ';', '|', ',' })
        {
            if (candidate == delimiter) continue;
            var count = field.Count(c => c == candidate);
            if (count > best.Item2) best = (candidate, count);
        }
        return best.Item1;
    }

    private static string Describe(char delimiter) => delimiter switch
    {
        '\t' => "tabs ('tab')",
        _ => $"'{delimiter}'",
    };

    private static string Shorten(string text) =>
        text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    /// <summary>The fields <paramref name="mapping"/> takes from <paramref name="header"/>, as the file spells their headers.</summary>
    internal static IReadOnlyList<ColumnUse> Uses(ColumnMapping mapping, IReadOnlyList<string> header)
    {
        var uses = new List<ColumnUse>();
        void Add(ColumnRole role, string? name)
        {
            if (name is not null && ColumnMapping.IndexOf(header, name) is >= 0 and var i) uses.Add(new ColumnUse(ColumnRoles.Word(role), header[i]));
        }
        Add(ColumnRole.Customer, mapping.Customer);
        Add(ColumnRole.Invoice, mapping.Invoice);
        Add(ColumnRole.Date, mapping.Date);
        if (mapping.Amount is not null) Add(ColumnRole.Amount, mapping.Amount);
        else { Add(ColumnRole.Quantity, mapping.Quantity); Add(ColumnRole.UnitPrice, mapping.UnitPrice); }
        Add(ColumnRole.StockCode, mapping.StockCode);
        Add(ColumnRole.Description, mapping.Description);
        Add(ColumnRole.Country, mapping.Country);
        return uses;
    }
}
