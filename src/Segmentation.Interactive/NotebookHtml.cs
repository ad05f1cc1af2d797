using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace Segmentation.Interactive;

/// <summary>
/// HTML for the notebook's formatters (registered in notebooks/setup.csx): DataFrames as tables, Plotly.NET
/// charts with plotly.js inlined in the first chart of the session, so charts draw without network.
/// </summary>
public static class NotebookHtml
{
    private static bool _plotlyEmitted;

    public static string Table(DataFrame frame, int maxRows = 25)
    {
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var column in frame.Columns) html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        var rows = Math.Min(frame.Rows.Count, maxRows);
        for (var r = 0; r < rows; r++)
        {
            html.Append("<tr>");
            foreach (var column in frame.Columns)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(Convert.ToString(column[r], System.Globalization.CultureInfo.InvariantCulture) ?? "")).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (frame.Rows.Count > rows) html.Append("<p><i>").Append(rows).Append(" of ").Append(frame.Rows.Count).Append(" rows shown</i></p>");
        return html.ToString();
    }

    public static string Chart(Plotly.NET.GenericChart chart)
    {
        // The chart's JSON is escaped for its script block (customer ids and countries come from the input).
        var html = Reporting.Charts.ChartHtml.Fragment(chart, "chart-" + Guid.NewGuid().ToString("N"));
        if (_plotlyEmitted) return html;
        _plotlyEmitted = true;
        return "<script>" + Reporting.Html.HtmlReport.PlotlyScript + "</script>" + html;
    }
}
