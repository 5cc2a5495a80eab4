using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enact.Migrations.Sqlite.Migrations
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    YearLaunched = table.Column<int>(type: "INTEGER", nullable: false),
                    LevelOfGovernment = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OrganisationType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OriginalLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    OrganisationAr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OrganisationEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleAr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SummaryAr = table.Column<string>(type: "TEXT", nullable: true),
                    SummaryEn = table.Column<string>(type: "TEXT", nullable: true),
                    DescriptionAr = table.Column<string>(type: "TEXT", nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", nullable: true),
                    ProblemAr = table.Column<string>(type: "TEXT", nullable: true),
                    ProblemEn = table.Column<string>(type: "TEXT", nullable: true),
                    InnovationAr = table.Column<string>(type: "TEXT", nullable: true),
                    InnovationEn = table.Column<string>(type: "TEXT", nullable: true),
                    PartnersAr = table.Column<string>(type: "TEXT", nullable: true),
                    PartnersEn = table.Column<string>(type: "TEXT", nullable: true),
                    FundingAr = table.Column<string>(type: "TEXT", nullable: true),
                    FundingEn = table.Column<string>(type: "TEXT", nullable: true),
                    ChangeManagementAr = table.Column<string>(type: "TEXT", nullable: true),
                    ChangeManagementEn = table.Column<string>(type: "TEXT", nullable: true),
                    ResultsAr = table.Column<string>(type: "TEXT", nullable: true),
                    ResultsEn = table.Column<string>(type: "TEXT", nullable: true),
                    ChallengesAr = table.Column<string>(type: "TEXT", nullable: true),
                    ChallengesEn = table.Column<string>(type: "TEXT", nullable: true),
                    ConditionsForSuccessAr = table.Column<string>(type: "TEXT", nullable: true),
                    ConditionsForSuccessEn = table.Column<string>(type: "TEXT", nullable: true),
                    ReplicationAr = table.Column<string>(type: "TEXT", nullable: true),
                    ReplicationEn = table.Column<string>(type: "TEXT", nullable: true),
                    LessonsLearnedAr = table.Column<string>(type: "TEXT", nullable: true),
                    LessonsLearnedEn = table.Column<string>(type: "TEXT", nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseStudyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexingTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseStudyTerms",
                columns: table => new
                {
                    CaseStudyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false)
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
