using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.WorkOrders;

/// <summary>Issue 17: a retried dispatch with the same Idempotency-Key returns the first work order and stores nothing new.</summary>
public class IdempotentDispatchTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    /// <summary>
    /// Every committed event, counted in the table itself: reading $all stops below the oldest transaction still running on the
    /// server (decision 0002), so with other test classes' transactions open it may not show a commit that has already happened.
    /// </summary>
    async Task<long> AllEventsAsync()
    {
        await using var conn = new Npgsql.NpgsqlConnection(app.Database);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select count(*) from eventstore.events", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_retried_work_order_POST_with_the_same_key_returns_the_first_work_order_and_stores_nothing_new()
    {
        var customerId = (await new Calls.ScreenPops.ScreenPopKit(app).ColumnAsync("select id from customers order by id limit 1"))[0];
        var agent = await app.SignInAsync("agent5");
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Dispatch(string? idempotencyKey, string description = "光猫掉线")
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/work-orders") { Content = JsonContent.Create(new { customerId, type = "fault", description }) };
            if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
            return await agent.SendAsync(request);
        }

        var first = await Dispatch(key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        var events = await AllEventsAsync();

        var retried = await Dispatch(key);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var retriedBody = await retried.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(firstBody.GetProperty("id").GetString(), retriedBody.GetProperty("id").GetString());
        Assert.Equal(firstBody.GetProperty("serial").GetString(), retriedBody.GetProperty("serial").GetString());
        Assert.Equal(events, await AllEventsAsync()); // no second work order, no serial taken

        // Concurrent retries of another key: one work order, one serial.
        var other = Guid.NewGuid().ToString();
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Dispatch(other)));
        Assert.All(racing, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(racing.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()));
        Assert.Single(ids.Distinct());
        await using (var conn = new Npgsql.NpgsqlConnection(app.Database))
        {
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("select count(*) from eventstore.events where type like 'WorkOrderDispatched%'", conn);
            Assert.Equal(2L, (long)(await cmd.ExecuteScalarAsync())!);
        }

        // Without a key, two POSTs are two work orders; a refused one takes no serial.
        Assert.Equal(HttpStatusCode.Created, (await Dispatch(null)).StatusCode);
        var before = await AllEventsAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await Dispatch(null, description: "")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Dispatch("short")).StatusCode);
        Assert.Equal(before, await AllEventsAsync());
    }
}
