using Microsoft.AspNetCore.Http;

namespace Segmentation.Web.Api;

/// <summary>
/// Errors as RFC 7807 problem details: the detail is one line naming the field (<c>customers[3].monetary: must be
/// &gt;= 0</c>), and <c>errors</c> holds the same by field for programs.
/// </summary>
internal static class Problems
{
    public static IResult Field(string field, string reason, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(
            detail: $"{field}: {reason}",
            statusCode: status,
            title: status switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request is too large",
                StatusCodes.Status401Unauthorized => "An API key is required",
                StatusCodes.Status503ServiceUnavailable => "No model is loaded",
                _ => "The request is not valid",
            },
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] } });

    /// <summary>A JSON path as System.Text.Json reports it (<c>$.customers[3].monetary</c>) as the field's name.</summary>
    public static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
}
