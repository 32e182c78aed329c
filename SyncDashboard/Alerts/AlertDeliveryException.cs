using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Alerts;

/// <summary>A channel refused or could not take a notification; the message is safe to record and show.</summary>
public sealed class AlertDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
