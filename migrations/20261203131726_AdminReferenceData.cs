using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallCenter.Migrations
{
    /// <inheritdoc />
    public partial class AdminReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "max_away",
                table: "reason_codes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "needs_approval",
                table: "reason_codes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "active",
                table: "queues",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "after_hours",
                table: "queues",
                type: "text",
                nullable: false,
                defaultValue: "duty-agents");

            migrationBuilder.AddColumn<string>(
                name: "calendar_id",
                table: "queues",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "overflow_queue",
                table: "queues",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "skill_group",
                table: "queues",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "direction",
                table: "blacklist_entries",
                type: "text",
                nullable: false,
                defaultValue: "both");

            migrationBuilder.CreateTable(
                name: "business_calendars",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_zh = table.Column<string>(type: "text", nullable: true),
                    schedule = table.Column<string>(type: "jsonb", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_business_calendars", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "skill_groups",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_zh = table.Column<string>(type: "text", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skill_groups", x => x.id);
                });

            // Existing queues served the skill group named like them: make those groups reference data.
            migrationBuilder.Sql("insert into skill_groups (id, name, name_zh, active, sort_order) select id, name, name_zh, true, sort_order from queues on conflict do nothing;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "business_calendars");

            migrationBuilder.DropTable(
                name: "skill_groups");

            migrationBuilder.DropColumn(
                name: "max_away",
                table: "reason_codes");

            migrationBuilder.DropColumn(
                name: "needs_approval",
                table: "reason_codes");

            migrationBuilder.DropColumn(
                name: "active",
                table: "queues");

            migrationBuilder.DropColumn(
                name: "after_hours",
                table: "queues");

            migrationBuilder.DropColumn(
                name: "calendar_id",
                table: "queues");

            migrationBuilder.DropColumn(
                name: "overflow_queue",
                table: "queues");

            migrationBuilder.DropColumn(
                name: "skill_group",
                table: "queues");

            migrationBuilder.DropColumn(
                name: "direction",
                table: "blacklist_entries");
        }
    }
}
