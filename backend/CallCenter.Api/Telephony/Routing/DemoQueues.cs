using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing;

/// <summary>Demo ACD data: a queue per skill group the demo agents have, and two blacklist entries. Only when empty.</summary>
public static class DemoQueues
{
    static QueueRow Queue(string id, string name, string nameZh, string key, string strategy, int order) => new()
    {
        Id = id, Name = name, NameZh = nameZh, IvrKey = key, Strategy = strategy, ServiceLevelSeconds = 20, MaxWaitSeconds = 120,
        OpensAt = new TimeOnly(8, 0), ClosesAt = new TimeOnly(20, 0), DutyAgents = ["agent1", "agent5"], SortOrder = order,
    };

    public static async Task SeedAsync(ReadModelDb db, CancellationToken ct)
    {
        if (!await db.Set<SkillGroups.SkillGroupRow>().AnyAsync(ct))
            db.AddRange(
                new SkillGroups.SkillGroupRow { Id = "broadband", Name = "Broadband", NameZh = "宽带业务", SortOrder = 1 },
                new SkillGroups.SkillGroupRow { Id = "cable-tv", Name = "Cable TV", NameZh = "有线电视", SortOrder = 2 },
                new SkillGroups.SkillGroupRow { Id = "billing", Name = "Billing", NameZh = "缴费账务", SortOrder = 3 },
                new SkillGroups.SkillGroupRow { Id = QueueDirectory.General, Name = "General enquiries", NameZh = "综合咨询", SortOrder = 4 });
        if (!await db.Set<QueueRow>().AnyAsync(ct))
            db.AddRange(
                Queue("broadband", "Broadband", "宽带业务", "1", RoutingStrategies.LongestIdle, 1),
                Queue("cable-tv", "Cable TV", "有线电视", "2", RoutingStrategies.LongestIdle, 2),
                Queue("billing", "Billing", "缴费账务", "3", RoutingStrategies.Balanced, 3),
                Queue(QueueDirectory.General, "General enquiries", "综合咨询", "0", RoutingStrategies.LongestIdle, 4));
        if (!await db.Set<BlacklistEntryRow>().AnyAsync(ct))
            db.AddRange(
                new BlacklistEntryRow { Pattern = "13800138000", Reason = "恶意骚扰来电 / harassing caller", CreatedBy = "admin", CreatedAt = DateTimeOffset.UtcNow },
                new BlacklistEntryRow { Pattern = "01088880000-01088889999", Reason = "推销号码段 / telemarketing range", CreatedBy = "admin", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(ct);
    }
}
