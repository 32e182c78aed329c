using Microsoft.Extensions.Configuration;
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

    /// <summary>Hands the factory a host whose start opens the gate right after the factory's host has subscribed
    /// to the app's start (a host's <c>StartAsync</c> subscribes before it first awaits).</summary>
    internal sealed class Builder(IHostBuilder inner, Action? afterBuild, Action open) : IHostBuilder
    {
        public IDictionary<object, object> Properties => inner.Properties;

        public IHost Build()
        {
            var host = inner.Build();
            afterBuild?.Invoke();
            return new Host(host, open);
        }

        public IHostBuilder ConfigureAppConfiguration(Action<HostBuilderContext, IConfigurationBuilder> configure)
        {
            inner.ConfigureAppConfiguration(configure);
            return this;
        }

        public IHostBuilder ConfigureContainer<TContainerBuilder>(Action<HostBuilderContext, TContainerBuilder> configure)
        {
            inner.ConfigureContainer(configure);
            return this;
        }

        public IHostBuilder ConfigureHostConfiguration(Action<IConfigurationBuilder> configure)
        {
            inner.ConfigureHostConfiguration(configure);
            return this;
        }

        public IHostBuilder ConfigureServices(Action<HostBuilderContext, IServiceCollection> configure)
        {
            inner.ConfigureServices(configure);
            return this;
        }

        public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory)
            where TContainerBuilder : notnull
        {
            inner.UseServiceProviderFactory(factory);
            return this;
        }

        public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(
            Func<HostBuilderContext, IServiceProviderFactory<TContainerBuilder>> factory) where TContainerBuilder : notnull
        {
            inner.UseServiceProviderFactory(factory);
            return this;
        }
    }

    private sealed class Host(IHost inner, Action open) : IHost, IAsyncDisposable
    {
        public IServiceProvider Services => inner.Services;

        public async Task StartAsync(CancellationToken cancellationToken = default)
        {
            var starting = inner.StartAsync(cancellationToken);
            open();
            await starting;
        }

        public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync()
        {
            if (inner is IAsyncDisposable disposable) return disposable.DisposeAsync();
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
