using System.Text.Json.Serialization;

namespace Segmentation.Web.Dashboard;

/// <summary>Where a session's pipeline is; the page receives the names as written here, and whether it is still going.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobState>))]
internal enum JobState
{
    [JsonStringEnumMemberName("idle")]
    Idle,

    [JsonStringEnumMemberName("uploading")]
    Uploading,

    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("done")]
    Done,

    /// <summary>The file's columns need naming: the page offers its header.</summary>
    [JsonStringEnumMemberName("mapping")]
    Mapping,

    [JsonStringEnumMemberName("error")]
    Error,
}
