using System.Net;
using System.Net.Sockets;

namespace SyncDashboard.Access;

/// <summary>Who a request comes from, for limits per client: the connection's address, which the forwarded-headers
/// middleware has already replaced with the client's behind a proxy (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>).</summary>
public static class ClientAddress
{
    /// <summary>An IPv4 address, or the /64 of an IPv6 one (a single host is usually given a whole /64, so per
    /// address it could pick a fresh one for every request).</summary>
    public static string Key(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static string Of(HttpContext http) => Key(http.Connection.RemoteIpAddress);
}
