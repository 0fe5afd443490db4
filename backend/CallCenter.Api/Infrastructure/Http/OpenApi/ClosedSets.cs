using System.Text.Json.Nodes;
using CallCenter.Agents;
using CallCenter.Customers;
using CallCenter.Telephony.Routing;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CallCenter.Infrastructure.Http.OpenApi;

/// <summary>
/// The closed sets of this API as schema enums: a string property gets its values when the property name is one this
/// API always uses for that set (<see cref="ByName"/>), or when its type and name are listed (<see cref="ByType"/>).
/// Arrays of such strings get the enum on their items. Add a line here when a new closed set appears.
/// </summary>
public sealed class ClosedSets : ISchemaFilter
{
    static readonly string[] AgentStates = [AgentStatus.SignedOut, AgentStatus.Ready, AgentStatus.NotReady, AgentStatus.Talking, AgentStatus.WrapUp];

    /// <summary>Property names with one meaning everywhere.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByName = new Dictionary<string, string[]>
    {
        ["strategy"] = RoutingStrategies.All,
        ["afterHours"] = AfterHoursRules.All,
        ["roles"] = Auth.Roles.All,
        ["customerLevel"] = CustomerLevels.All,
        ["serviceType"] = ServiceTypes.All,
    };

    /// <summary>(type name, property) pairs whose meaning depends on the type.</summary>
    public static readonly IReadOnlyDictionary<(string Type, string Property), string[]> ByType = new Dictionary<(string, string), string[]>
    {
        [("AgentStateDto", "state")] = AgentStates,
        [("BlacklistEntryDto", "direction")] = BlacklistDirections.All,
        [("AddBlacklistEntry", "direction")] = BlacklistDirections.All,
        [("UpdateBlacklistEntry", "direction")] = BlacklistDirections.All,
        [("WeeklyWindow", "day")] = Telephony.Routing.Calendars.BusinessHours.Days,
        [("CustomerDto", "level")] = CustomerLevels.All,
        [("CustomerDto", "status")] = CustomerStatuses.All,
        [("DispatchBody", "type")] = WorkOrders.WorkOrderTypes.All,
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema s || s.Properties is null) return;
        foreach (var (name, property) in s.Properties)
        {
            var values = ByType.GetValueOrDefault((context.Type.Name, name)) ?? ByName.GetValueOrDefault(name);
            if (values is null || property is not OpenApiSchema p) continue;
            var target = p.Type?.HasFlag(JsonSchemaType.Array) == true ? p.Items as OpenApiSchema : p;
            if (target is null || target.Type?.HasFlag(JsonSchemaType.String) != true) continue;
            target.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        }
    }
}
