using CallCenter.Calls.Purposes;
using CallCenter.Customers.Seeding;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Infrastructure.Startup;

/// <summary>
/// Demo users and reference data for a fresh start (demo mode only, never in production): agent1…agent20 in teams
/// team-1 (agent1–10, supervisor1) and team-2 (agent11–20, supervisor2), admin, analyst, auditor (password from
/// CALLCENTER_DEMO_PASSWORD), a few announcements, customers, queues; not-ready reasons and call purposes in every mode.
/// Only what is missing is added, so a second start keeps what people changed.
/// </summary>
public static class DemoData
{
    static readonly string[] AgentNames =
    [
        "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴婷",
        "徐斌", "孙丽", "胡军", "朱红", "高翔", "林琳", "何鹏", "郭燕", "马超", "罗颖",
    ];

    // Skill groups of a cable-TV / broadband operator's hotline.
    static readonly string[][] SkillGroupsByTeam = [["broadband", "general"], ["cable-tv", "general"], ["billing", "general"], ["broadband", "cable-tv"]];

    public static async Task SeedAsync(ReadModelDb db, IPasswordHasher<UserRow> hasher, string password, CancellationToken ct)
    {
        var existing = await db.Users.Select(u => u.Id).ToHashSetAsync(ct);
        UserRow User(string id, string name, string[] roles, string[] groups, string? ext, string? team) =>
            new() { Id = id, Name = name, Roles = roles, SkillGroups = groups, Extension = ext, Team = team, PasswordHash = "" };

        var users = new List<UserRow>();
        for (var i = 1; i <= 20; i++)
            users.Add(User($"agent{i}", AgentNames[i - 1], [Roles.Agent], SkillGroupsByTeam[(i - 1) % 4], $"{8000 + i}", $"team-{(i - 1) / 10 + 1}"));
        users.Add(User("supervisor1", "李班长", [Roles.Supervisor], ["broadband", "cable-tv", "billing", "general"], "8100", "team-1"));
        users.Add(User("supervisor2", "王班长", [Roles.Supervisor], ["broadband", "cable-tv", "billing", "general"], "8200", "team-2"));
        users.Add(User("admin", "系统管理员", [Roles.Admin], [], null, null));
        users.Add(User("analyst", "数据分析员", [Roles.Analyst], [], null, null));
        users.Add(User("auditor", "审计员", [Roles.Auditor], [], null, null));
        users.Add(User("qa1", "质检员", [Roles.Qa], [], null, null));

        foreach (var user in users.Where(u => !existing.Contains(u.Id)))
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            db.Users.Add(user);
        }

        await SeedTeamsAsync(db, ct);
        if (!await db.Announcements.AnyAsync(ct))
        {
            var now = DateTimeOffset.UtcNow;
            db.Announcements.AddRange(
                new AnnouncementRow { Title = "城东片区光缆割接：今晚 23:00–02:00 宽带可能中断", Body = "受影响小区：东湖花园、金桥新村。来电请安抚并登记。", Urgent = true, PublishedAt = now.AddHours(-1), Author = "supervisor1" },
                new AnnouncementRow { Title = "新版高清机顶盒套餐本月起办理", Body = "资费与办理流程见知识库。", PublishedAt = now.AddHours(-5), Author = "supervisor1" },
                new AnnouncementRow { Title = "话务高峰提示：周一上午 9–11 点请减少小休", PublishedAt = now.AddDays(-1), Author = "supervisor1" },
                new AnnouncementRow { Title = "欠费停机用户可办理临时授权（3 天）", PublishedAt = now.AddDays(-2), Author = "admin" });
        }
        await db.SaveChangesAsync(ct);
        await CustomerSeed.SeedAsync(db, ct);
        await CallCenter.Telephony.Routing.DemoQueues.SeedAsync(db, ct);
    }

    /// <summary>The demo's teams: team-1 (agent1–10) under supervisor1, team-2 (agent11–20) under supervisor2.</summary>
    static async Task SeedTeamsAsync(ReadModelDb db, CancellationToken ct)
    {
        var existing = await db.Set<CallCenter.Users.TeamRow>().Select(t => t.Id).ToListAsync(ct);
        if (!existing.Contains("team-1")) db.Add(new CallCenter.Users.TeamRow { Id = "team-1", Name = "一组 Team A", Supervisors = ["supervisor1"] });
        if (!existing.Contains("team-2")) db.Add(new CallCenter.Users.TeamRow { Id = "team-2", Name = "二组 Team B", Supervisors = ["supervisor2"] });
    }

    /// <summary>The not-ready reason a supervisor's "pause" sets (R-SUP-5).</summary>
    public const string PauseReason = "pause";

    /// <summary>Reference data every center starts with (demo and production): not-ready reasons, call purposes.</summary>
    public static async Task SeedReferenceDataAsync(ReadModelDb db, CancellationToken ct)
    {
        if (!await db.ReasonCodes.AnyAsync(ct))
            db.ReasonCodes.AddRange(
                new ReasonCodeRow { Code = "break", Name = "Break", NameZh = "小休", SortOrder = 1 },
                new ReasonCodeRow { Code = "lunch", Name = "Lunch", NameZh = "午餐", SortOrder = 2 },
                new ReasonCodeRow { Code = "meeting", Name = "Meeting", NameZh = "会议", SortOrder = 3 },
                new ReasonCodeRow { Code = "training", Name = "Training", NameZh = "培训", SortOrder = 4 },
                new ReasonCodeRow { Code = "callback", Name = "Callbacks", NameZh = "回访", SortOrder = 5 });
        // R-SUP-5 "force pause" (强制暂停): a supervisor pauses an agent = not ready with this reason (docs/supervisor.md).
        if (!await db.ReasonCodes.AnyAsync(r => r.Code == PauseReason, ct))
            db.ReasonCodes.Add(new ReasonCodeRow { Code = PauseReason, Name = "Paused by supervisor", NameZh = "强制暂停", SortOrder = 90 });

        if (!await db.CallPurposes.AnyAsync(ct)) db.CallPurposes.AddRange(CallPurposes.Seed());
        await db.SaveChangesAsync(ct);
    }
}
