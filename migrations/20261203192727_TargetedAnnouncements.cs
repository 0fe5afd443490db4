using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallCenter.Migrations
{
    /// <inheritdoc />
    public partial class TargetedAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "audience_agents",
                table: "announcements",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string[]>(
                name: "audience_areas",
                table: "announcements",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string[]>(
                name: "audience_skill_groups",
                table: "announcements",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string[]>(
                name: "audience_teams",
                table: "announcements",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "announcements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "valid_from",
                table: "announcements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "valid_to",
                table: "announcements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "announcement_reads",
                columns: table => new
                {
                    announcement_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_announcement_reads", x => new { x.announcement_id, x.user_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "announcement_reads");

            migrationBuilder.DropColumn(
                name: "audience_agents",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "audience_areas",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "audience_skill_groups",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "audience_teams",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "valid_from",
                table: "announcements");

            migrationBuilder.DropColumn(
                name: "valid_to",
                table: "announcements");
        }
    }
}
