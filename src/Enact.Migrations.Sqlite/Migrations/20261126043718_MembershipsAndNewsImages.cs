using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enact.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MembershipsAndNewsImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MembersChangedAt",
                table: "Organisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImageAltAr",
                table: "NewsItems",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImageAltEn",
                table: "NewsItems",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ImageFileId",
                table: "NewsItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImageHeight",
                table: "NewsItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImageWidth",
                table: "NewsItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrganisationMembershipRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationMembershipRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationMembershipRequests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationMembershipRequests_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_ImageFileId",
                table: "NewsItems",
                column: "ImageFileId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMembershipRequests_OrganisationId_Status",
                table: "OrganisationMembershipRequests",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMembershipRequests_OrganisationId_UserId",
                table: "OrganisationMembershipRequests",
                columns: new[] { "OrganisationId", "UserId" },
                unique: true,
                filter: "\"Status\" = 'pending'");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMembershipRequests_UserId",
                table: "OrganisationMembershipRequests",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_NewsItems_StoredFiles_ImageFileId",
                table: "NewsItems",
                column: "ImageFileId",
                principalTable: "StoredFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_NewsItems_StoredFiles_ImageFileId",
                table: "NewsItems");

            migrationBuilder.DropTable(
                name: "OrganisationMembershipRequests");

            migrationBuilder.DropIndex(
                name: "IX_NewsItems_ImageFileId",
                table: "NewsItems");

            migrationBuilder.DropColumn(
                name: "MembersChangedAt",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "ImageAltAr",
                table: "NewsItems");

            migrationBuilder.DropColumn(
                name: "ImageAltEn",
                table: "NewsItems");

            migrationBuilder.DropColumn(
                name: "ImageFileId",
                table: "NewsItems");

            migrationBuilder.DropColumn(
                name: "ImageHeight",
                table: "NewsItems");

            migrationBuilder.DropColumn(
                name: "ImageWidth",
                table: "NewsItems");
        }
    }
}
