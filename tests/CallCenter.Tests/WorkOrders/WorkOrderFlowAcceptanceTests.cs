using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.WorkOrders;

/// <summary>R-WO-1…3, R-SVC-3 over HTTP: dispatch, every step, reassign, close by an admin only, search, timeline.</summary>
public class WorkOrderFlowAcceptanceTests
{
    static async Task<string> CustomerAsync(AppHost app, string area)
    {
        var kit = new Calls.ScreenPops.ScreenPopKit(app);
        return (await kit.ColumnAsync($"select id from customers where area = '{area}' order by id limit 1"))[0];
    }

    static async Task<long> EventCountAsync(AppHost app, string id)
    {
        var n = 0L;
        await foreach (var _ in app.Services.GetRequiredService<IEventStore>().ReadStreamAsync("workorder-" + id)) n++;
        return n;
    }

    [Fact]
    public async Task A_work_order_goes_through_every_step_and_out_of_order_steps_change_nothing()
    {
        using var app = await AppHost.StartAsync();
        var agent = await app.SignInAsync("agent1");
        var admin = await app.SignInAsync("admin");
        var customerId = await CustomerAsync(app, "east");

        var dispatched = await agent.PostAsJsonAsync("/api/work-orders", new { customerId, type = "fault", description = "机顶盒无信号" });
        Assert.Equal(HttpStatusCode.Created, dispatched.StatusCode);
        var id = (await dispatched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // out of order: accept before assign → 422, nothing appended
        var early = await agent.PostAsync($"/api/work-orders/{id}/accept", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal(1, await EventCountAsync(app, id));

        // bad input names the field
        var bad = await agent.PostAsJsonAsync($"/api/work-orders/{id}/assign", new { technician = "tech-nowhere" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("technician", out _));

        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/work-orders/{id}/assign", new { technician = "tech-east-1", team = "team-east" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync($"/api/work-orders/{id}/reassign", new { technician = "tech-east-2", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/work-orders/{id}/reassign", new { technician = "tech-east-2", team = "team-east", reason = "王师傅请假" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync($"/api/work-orders/{id}/accept", null)).StatusCode);                  // no body
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/work-orders/{id}/arrive", new { })).StatusCode);         // an empty JSON body
        var badResult = await agent.PostAsJsonAsync($"/api/work-orders/{id}/complete", new { result = "done-ish" });
        Assert.Equal(HttpStatusCode.BadRequest, badResult.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/work-orders/{id}/complete", new { result = "resolved", note = "更换信号线" })).StatusCode);

        // an agent cannot confirm: 403, nothing appended
        var before = await EventCountAsync(app, id);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"/api/work-orders/{id}/close", null)).StatusCode);
        Assert.Equal(before, await EventCountAsync(app, id));
        var closed = await admin.PostAsync($"/api/work-orders/{id}/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // a stale If-Match is a conflict
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/work-orders/{id}/close");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.SendAsync(stale)).StatusCode);

        // the read model: timeline with every step in order, and the search finds it
        var detail = await Eventually.GetAsync(async () =>
            {
                var r = await agent.GetAsync($"/api/work-orders/{id}"); // 404 until the read model has the order
                return r.IsSuccessStatusCode ? await r.Content.ReadFromJsonAsync<JsonElement>() : default;
            }, d => d.ValueKind == JsonValueKind.Object && d.GetProperty("steps").GetArrayLength() == 7, what: "the timeline");
        Assert.Equal(["dispatched", "assigned", "reassigned", "accepted", "onSite", "completed", "closed"],
            detail.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        var order = detail.GetProperty("workOrder");
        Assert.Equal(("closed", "closed", "tech-east-2"), (order.GetProperty("status").GetString(), order.GetProperty("currentStep").GetString(),
            order.GetProperty("technician").GetString()));
        Assert.Equal("王师傅请假", detail.GetProperty("steps")[2].GetProperty("reason").GetString());

        var serial = order.GetProperty("serial").GetString()!;
        var page = await agent.GetFromJsonAsync<JsonElement>($"/api/work-orders?q={serial}&status=closed");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(0, (await agent.GetFromJsonAsync<JsonElement>($"/api/work-orders?q={serial}&status=inProgress")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Dispatching_from_a_call_after_hang_up_puts_the_agent_in_after_call_work()
    {
        using var app = await AppHost.StartAsync();
        var agent = await app.SignInAsync("agent2");
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync("/api/agents/agent2/sign-in", new { extension = "8002" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/agents/agent2/ready", null)).StatusCode);
        var customerId = await CustomerAsync(app, "west");

        var r = await agent.PostAsJsonAsync("/api/work-orders", new { customerId, type = "installation", description = "新装宽带", callId = "call-ended-1" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        await Eventually.GetAsync(() => agent.GetFromJsonAsync<JsonElement>("/api/agents/agent2"),
            s => s.GetProperty("state").GetString() == "wrapUp", what: "agent2 in after-call work");
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/agents/agent2/wrap-up/end", null)).StatusCode);

        var list = await Eventually.GetAsync(() => agent.GetFromJsonAsync<JsonElement>("/api/work-orders?callId=call-ended-1"),
            p => p.GetProperty("total").GetInt32() == 1, what: "the work order listed by call");
        Assert.Equal("installation", list.GetProperty("items")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Technicians_show_where_they_are()
    {
        using var app = await AppHost.StartAsync();
        var agent = await app.SignInAsync("agent1");
        var customerId = await CustomerAsync(app, "north");
        var id = (await (await agent.PostAsJsonAsync("/api/work-orders", new { customerId, type = "fault", description = "断网" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await agent.PostAsJsonAsync($"/api/work-orders/{id}/assign", new { technician = "tech-north-3" });
        await agent.PostAsync($"/api/work-orders/{id}/accept", null);
        await agent.PostAsync($"/api/work-orders/{id}/arrive", null);

        var techs = await Eventually.GetAsync(() => agent.GetFromJsonAsync<JsonElement>("/api/work-orders/technicians"),
            t => t.EnumerateArray().Any(x => x.GetProperty("id").GetString() == "tech-north-3" && x.GetProperty("step").GetString() == "onSite"),
            what: "tech-north-3 on site");
        Assert.Equal(24, techs.GetArrayLength());
    }
}
