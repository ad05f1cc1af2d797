using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Segmentation.Web.Dashboard;

/// <summary>
/// Sessions by an unguessable id in an HttpOnly, SameSite=Strict cookie (another site can neither read it nor post
/// with it). An idle session is dropped after <see cref="Idle"/>, with any upload it still held.
/// </summary>
internal sealed class SessionStore(StartupRun startup)
{
    public const string Cookie = "segmentation-session";
    public static readonly TimeSpan Idle = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<string, DashboardSession> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public DashboardSession Get(HttpContext context)
    {
        // One session a request, however many times it is asked for: a new browser gets one cookie, not one per call.
        if (context.Items[typeof(DashboardSession)] is DashboardSession known) return known;
        var session = Find(context);
        context.Items[typeof(DashboardSession)] = session;
        return session;
    }

    private DashboardSession Find(HttpContext context)
    {
        Sweep();
        if (context.Request.Cookies.TryGetValue(Cookie, out var id) && id is not null && _sessions.TryGetValue(id, out var found))
        {
            found.LastSeen = DateTime.UtcNow;
            return found;
        }
        var session = new DashboardSession(Convert.ToHexString(RandomNumberGenerator.GetBytes(16))) { Run = startup.Sample };
        _sessions[session.Id] = session;
        context.Response.Cookies.Append(Cookie, session.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
        });
        return session;
    }

    private void Sweep()
    {
        var cutoff = DateTime.UtcNow - Idle;
        foreach (var (id, session) in _sessions)
        {
            if (session.LastSeen < cutoff && !session.Job.Running && _sessions.TryRemove(id, out _)) session.Pending = null;
        }
    }
}
