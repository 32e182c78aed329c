namespace SyncDashboard.Configuration;

/// <summary>A configuration section bound to validated options, and how to read (bind and validate) them.</summary>
public sealed record ValidatedSection(string Section, Func<IServiceProvider, object> Read);
