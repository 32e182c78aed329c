using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>The app's <see cref="IHostLifetime"/>, held at <c>WaitForStartAsync</c> (the first step of a host's start,
/// before options are validated or any hosted service starts) until <paramref name="open"/> completes. See
/// <see cref="TestApp"/>'s CreateHost for why.</summary>
internal sealed class StartGate(IHostLifetime inner, Task open) : IHostLifetime, IDisposable
{
    public static void Install(IServiceCollection services, Task open)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IHostLifetime))
            ?? throw new InvalidOperationException("The host registers no IHostLifetime to hold.");
        services.Remove(original);
        services.AddSingleton<IHostLifetime>(provider => new StartGate(Create(provider, original), open));
    }

    public async Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        await open.WaitAsync(cancellationToken);
        await inner.WaitForStartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private static IHostLifetime Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IHostLifetime)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
