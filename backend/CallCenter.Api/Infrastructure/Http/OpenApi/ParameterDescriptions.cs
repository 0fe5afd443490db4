using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CallCenter.Infrastructure.Http.OpenApi;

/// <summary>
/// Gives every parameter a description: a <see cref="DescriptionAttribute"/> on the handler's parameter wins, else the
/// meaning this API gives the name everywhere (<see cref="Known"/>). A new parameter name needs one of the two
/// (<c>OpenApiCompletenessTests</c> names any parameter left without).
/// </summary>
public sealed class ParameterDescriptions : IOperationFilter
{
    /// <summary>The meaning of each parameter name across the API.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "The id of the resource in the path.",
        ["download"] = "true: send the file as an attachment (a download) rather than for playing.",
        ["slFormula"] = "Service-level formula: answered within T / answered (default), / (answered + abandoned), or / (answered + abandoned after the short-abandon threshold) (docs/kpis.md).",
        ["dryRun"] = "true (default): only say what would change; false: apply the changes.",
        ["succeeded"] = "true: only successful sign-ins; false: only failed ones; absent: both.",
        ["ip"] = "The client's address (or a part of it).",
        ["userId"] = "A user's id (login name).",
        ["teamId"] = "A team's id.",
        ["purpose"] = "A call purpose code (see GET /api/call-purposes).",
        ["minSeconds"] = "At least this many seconds long.",
        ["maxSeconds"] = "At most this many seconds long.",
        ["code"] = "The code (lower-case letters, digits and dashes) of the item in the path.",
        ["agentId"] = "The agent's id (= the user's login name, the agent id in CTI events).",
        ["callId"] = "The call's id as the PBX reports it.",
        ["customerId"] = "The customer's id.",
        ["name"] = "The name of the resource in the path.",
        ["day"] = "A center day, yyyy-MM-dd (in the center's time zone).",
        ["from"] = "Start of the period, inclusive: an ISO-8601 date or date-time (center time zone when no offset).",
        ["to"] = "End of the period, exclusive: an ISO-8601 date or date-time (center time zone when no offset).",
        ["take"] = "At most this many rows (the server caps it).",
        ["skip"] = "Skip this many rows first (paging).",
        ["page"] = "The page number, from 1.",
        ["pageSize"] = "Rows per page.",
        ["all"] = "true: include retired (inactive) items too.",
        ["format"] = "Output format: json (default) or xlsx (an Excel download).",
        ["area"] = "A business area (district) code.",
        ["queue"] = "A queue id (see GET /api/queues).",
        ["skillGroup"] = "A skill group id.",
        ["team"] = "A team id.",
        ["groupBy"] = "How rows are grouped (see the report's definition in GET /api/reports).",
        ["interval"] = "Bucket size of the rows (e.g. 15m, hour, day, week, month).",
        ["bucket"] = "Bucket size of the rows (e.g. 15m, hour, day, week, month).",
        ["q"] = "Search text.",
        ["query"] = "Search text.",
        ["phone"] = "A phone number (any common format; compared in canonical form).",
        ["number"] = "A phone number (any common format; compared in canonical form).",
        ["status"] = "Only rows in this status.",
        ["state"] = "Only rows in this state.",
        ["handled"] = "true: only the items someone marked handled; false: only those still to do; absent: all.",
        ["technician"] = "A field technician's id.",
        ["serial"] = "A work order's serial number.",
        ["workOrderId"] = "The work order's id.",
        ["report"] = "The report's name (see GET /api/reports).",
        ["ani"] = "The caller's number.",
        ["dnis"] = "The dialed number.",
        ["If-Match"] = "The stream revision (ETag) the change is based on; a different current revision gives 409.",
        ["file"] = "The uploaded file.",
        ["since"] = "Only items after this instant (ISO-8601).",
        ["user"] = "A user's id (login name).",
        ["agent"] = "Only this agent (the agent's id).",
        ["type"] = "Only items of this type.",
        ["step"] = "Only work orders at this flow step.",
        ["limit"] = "At most this many rows (the server caps it).",
        ["offset"] = "Skip this many rows first (paging).",
        ["username"] = "A user's id (login name).",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is not OpenApiParameter p || !string.IsNullOrWhiteSpace(p.Description)) continue;
            var described = context.ApiDescription.ParameterDescriptions.FirstOrDefault(d => string.Equals(d.Name, p.Name, StringComparison.OrdinalIgnoreCase));
            var info = (described?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo;
            p.Description = info?.GetCustomAttribute<DescriptionAttribute>()?.Description
                ?? (p.Name is { } name && Known.TryGetValue(name, out var meaning) ? meaning : null);
        }
    }
}
