using System.Net;
using System.Net.Sockets;

namespace Wuhan.Resale.Web.Infrastructure;

/// <summary>How a session's device is shown to its owner: a short browser name and a masked client address.</summary>
public static class ClientDescriptions
{
    /// <summary>"Edge（Windows）", "微信（Android）" …; "未知浏览器" when nothing is recognised.</summary>
    public static string Browser(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "未知浏览器";
        }

        var browser = Find(userAgent, ("MicroMessenger", "微信"), ("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"),
            ("Safari/", "Safari")) ?? "其他浏览器";
        var system = Find(userAgent, ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"),
            ("Mac OS X", "macOS"), ("Linux", "Linux"));
        return system is null ? browser : $"{browser}（{system}）";
    }

    /// <summary>Keeps the network part only: 203.0.*.* for IPv4, the first two groups for IPv6.</summary>
    public static string MaskedAddress(string? address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return "未知";
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = ip.GetAddressBytes();
            return $"{bytes[0]}.{bytes[1]}.*.*";
        }

        var groups = ip.ToString().Split(':');
        return $"{groups[0]}:{groups[1]}:*";
    }

    private static string? Find(string userAgent, params (string Marker, string Name)[] candidates) =>
        candidates.FirstOrDefault(c => userAgent.Contains(c.Marker, StringComparison.Ordinal)).Name;
}
