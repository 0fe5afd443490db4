using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Calls.ScreenPops;

/// <summary>One app (with the seeded customer directory) shared by a test class; tests use distinct calls and numbers.</summary>
public sealed class ScreenPopAppFixture : IAsyncLifetime
{
    public ScreenPopKit Kit { get; private set; } = null!;
    public async Task InitializeAsync() => Kit = new ScreenPopKit(await AppHost.StartAsync());
    public Task DisposeAsync() { Kit.App.Dispose(); return Task.CompletedTask; }
}
