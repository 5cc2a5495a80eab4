using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Enact.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseStudies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseStudies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    YearLaunched = table.Column<int>(type: "integer", nullable: false),
                    LevelOfGovernment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    OrganisationType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    OriginalLanguage = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    OrganisationAr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganisationEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TitleAr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SummaryAr = table.Column<string>(type: "text", nullable: true),
                    SummaryEn = table.Column<string>(type: "text", nullable: true),
                    DescriptionAr = table.Column<string>(type: "text", nullable: true),
                    DescriptionEn = table.Column<string>(type: "text", nullable: true),
                    ProblemAr = table.Column<string>(type: "text", nullable: true),
                    ProblemEn = table.Column<string>(type: "text", nullable: true),
                    InnovationAr = table.Column<string>(type: "text", nullable: true),
                    InnovationEn = table.Column<string>(type: "text", nullable: true),
                    PartnersAr = table.Column<string>(type: "text", nullable: true),
                    PartnersEn = table.Column<string>(type: "text", nullable: true),
                    FundingAr = table.Column<string>(type: "text", nullable: true),
                    FundingEn = table.Column<string>(type: "text", nullable: true),
                    ChangeManagementAr = table.Column<string>(type: "text", nullable: true),
                    ChangeManagementEn = table.Column<string>(type: "text", nullable: true),
                    ResultsAr = table.Column<string>(type: "text", nullable: true),
                    ResultsEn = table.Column<string>(type: "text", nullable: true),
                    ChallengesAr = table.Column<string>(type: "text", nullable: true),
                    ChallengesEn = table.Column<string>(type: "text", nullable: true),
                    ConditionsForSuccessAr = table.Column<string>(type: "text", nullable: true),
                    ConditionsForSuccessEn = table.Column<string>(type: "text", nullable: true),
                    ReplicationAr = table.Column<string>(type: "text", nullable: true),
                    ReplicationEn = table.Column<string>(type: "text", nullable: true),
                    LessonsLearnedAr = table.Column<string>(type: "text", nullable: true),
                    LessonsLearnedEn = table.Column<string>(type: "text", nullable: true),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStudies_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CaseStudies_Countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "Countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndexingTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseStudyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexingTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudyTerms",
                columns: table => new
                {
                    CaseStudyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStudyTerms", x => new { x.CaseStudyId, x.TermId });
                    table.ForeignKey(
                        name: "FK_CaseStudyTerms_CaseStudies_CaseStudyId",
                        column: x => x.CaseStudyId,
                        principalTable: "CaseStudies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseStudyTerms_TaxonomyTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "TaxonomyTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_CountryCode",
                table: "CaseStudies",
                column: "CountryCode");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_OwnerId",
                table: "CaseStudies",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudies_Status_PublishedAt",
                table: "CaseStudies",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStudyTerms_TermId",
                table: "CaseStudyTerms",
                column: "TermId");

            migrationBuilder.CreateIndex(
                name: "IX_IndexingTasks_CreatedAt",
                table: "IndexingTasks",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseStudyTerms");

            migrationBuilder.DropTable(
                name: "IndexingTasks");

            migrationBuilder.DropTable(
                name: "CaseStudies");
        }
    }
}
