using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Enact.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Submissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CallId",
                table: "CaseStudies",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConsentGivenAt",
                table: "CaseStudies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "CaseStudies",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "CaseStudies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "CaseStudies",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExtendedUntil",
                table: "CaseStudies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InitiativeStatus",
                table: "CaseStudies",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MergedAt",
                table: "CaseStudies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicContactEmail",
                table: "CaseStudies",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicContactName",
                table: "CaseStudies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevisionOfId",
                table: "CaseStudies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "CaseStudies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VideoLinks",
                table: "CaseStudies",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseStudyCoAuthors",
                columns: table => new
                {
                    CaseStudyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InvitedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudyCoAuthors", x => new { x.CaseStudyId, x.NormalizedEmail });
                    table.ForeignKey(
                        name: "FK_CaseStudyCoAuthors_CaseStudies_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudyPublications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseStudyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RevisionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudyPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudyPublications_CaseStudies_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudyTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseStudyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    From = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    To = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudyTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudyTransitions_CaseStudies_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseStudyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReviewerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedById = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Novelty = table.Column<int>(type: "integer", nullable: true),
                    NoveltyComment = table.Column<string>(type: "text", nullable: true),
                    Results = table.Column<int>(type: "integer", nullable: true),
                    ResultsComment = table.Column<string>(type: "text", nullable: true),
                    Replicability = table.Column<int>(type: "integer", nullable: true),
                    ReplicabilityComment = table.Column<string>(type: "text", nullable: true),
                    Inclusion = table.Column<int>(type: "integer", nullable: true),
                    InclusionComment = table.Column<string>(type: "text", nullable: true),
                    Sustainability = table.Column<int>(type: "integer", nullable: true),
                    SustainabilityComment = table.Column<string>(type: "text", nullable: true),
                    Comment = table.Column<string>(type: "text", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewAssignments_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewAssignments_CaseStudies_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TitleAr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DescriptionAr = table.Column<string>(type: "text", nullable: true),
                    DescriptionEn = table.Column<string>(type: "text", nullable: true),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionCalls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudyAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseStudyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    IsImage = table.Column<bool>(type: "boolean", nullable: false),
                    AltTextAr = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AltTextEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudyAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudyAttachments_CaseStudies_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseStudyAttachments_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseStudyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionReminders_CaseStudies_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SubmissionReminders_SubmissionCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "SubmissionCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_CallId",
                table: "CaseStudies",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_RevisionOfId",
                table: "CaseStudies",
                column: "RevisionOfId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyAttachments_CaseStudyId",
                table: "CaseStudyAttachments",
                column: "CaseStudyId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyAttachments_FileId",
                table: "CaseStudyAttachments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyCoAuthors_NormalizedEmail",
                table: "CaseStudyCoAuthors",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyPublications_CaseStudyId_Number",
                table: "CaseStudyPublications",
                columns: new[] { "CaseStudyId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyTransitions_CaseStudyId_At",
                table: "CaseStudyTransitions",
                columns: new[] { "CaseStudyId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAssignments_CaseStudyId_ReviewerId",
                table: "ReviewAssignments",
                columns: new[] { "CaseStudyId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAssignments_ReviewerId",
                table: "ReviewAssignments",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionCalls_ClosesAt",
                table: "SubmissionCalls",
                column: "ClosesAt");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionReminders_CallId",
                table: "SubmissionReminders",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionReminders_CaseStudyId_CallId_Kind",
                table: "SubmissionReminders",
                columns: new[] { "CaseStudyId", "CallId", "Kind" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CaseStudies_CaseStudies_RevisionOfId",
                table: "CaseStudies",
                column: "RevisionOfId",
                principalTable: "CaseStudies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CaseStudies_SubmissionCalls_CallId",
                table: "CaseStudies",
                column: "CallId",
                principalTable: "SubmissionCalls",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CaseStudies_CaseStudies_RevisionOfId",
                table: "CaseStudies");

            migrationBuilder.DropForeignKey(
                name: "FK_CaseStudies_SubmissionCalls_CallId",
                table: "CaseStudies");

            migrationBuilder.DropTable(
                name: "CaseStudyAttachments");

            migrationBuilder.DropTable(
                name: "CaseStudyCoAuthors");

            migrationBuilder.DropTable(
                name: "CaseStudyPublications");

            migrationBuilder.DropTable(
                name: "CaseStudyTransitions");

            migrationBuilder.DropTable(
                name: "ReviewAssignments");

            migrationBuilder.DropTable(
                name: "SubmissionReminders");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropTable(
                name: "SubmissionCalls");

            migrationBuilder.DropIndex(
                name: "IX_CaseStudies_CallId",
                table: "CaseStudies");

            migrationBuilder.DropIndex(
                name: "IX_CaseStudies_RevisionOfId",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "CallId",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "ConsentGivenAt",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "ExtendedUntil",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "InitiativeStatus",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "MergedAt",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "PublicContactEmail",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "PublicContactName",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "RevisionOfId",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "CaseStudies");

            migrationBuilder.DropColumn(
                name: "VideoLinks",
                table: "CaseStudies");
        }
    }
}
