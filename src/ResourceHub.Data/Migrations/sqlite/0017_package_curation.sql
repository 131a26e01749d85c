-- 资源包 go through curation (issue 16): History, reviews, the review round, nominations and stats are keyed by the
-- id of a resource or a package, so their foreign keys to resources go (SQLite rebuilds a table to drop one).
CREATE TABLE "curation_events_new" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_curation_events" PRIMARY KEY AUTOINCREMENT,
    "ResourceId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "FromStatus" TEXT NOT NULL,
    "ToStatus" TEXT NOT NULL,
    "OnRevision" INTEGER NOT NULL,
    "Level" TEXT NULL,
    "Reason" TEXT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorRole" TEXT NOT NULL,
    "ActorOrg" TEXT NOT NULL,
    "At" TEXT NOT NULL
);
INSERT INTO "curation_events_new" SELECT "Id", "ResourceId", "Action", "FromStatus", "ToStatus", "OnRevision", "Level", "Reason",
    "ActorId", "ActorRole", "ActorOrg", "At" FROM "curation_events";
DROP TABLE "curation_events";
ALTER TABLE "curation_events_new" RENAME TO "curation_events";
CREATE INDEX "IX_curation_events_ResourceId_Id" ON "curation_events" ("ResourceId", "Id");

CREATE TABLE "nominations_new" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_nominations" PRIMARY KEY,
    "ResourceId" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "NominatedBy" TEXT NOT NULL,
    "NominatorOrg" TEXT NOT NULL,
    "At" TEXT NOT NULL
);
INSERT INTO "nominations_new" SELECT "Id", "ResourceId", "Level", "Reason", "NominatedBy", "NominatorOrg", "At" FROM "nominations";
DROP TABLE "nominations";
ALTER TABLE "nominations_new" RENAME TO "nominations";
CREATE UNIQUE INDEX "IX_nominations_ResourceId_Level_NominatedBy" ON "nominations" ("ResourceId", "Level", "NominatedBy");

CREATE TABLE "resource_stats_new" (
    "ResourceId" TEXT NOT NULL CONSTRAINT "PK_resource_stats" PRIMARY KEY,
    "Downloads" INTEGER NOT NULL,
    "RatingCount" INTEGER NOT NULL,
    "RatingSum" INTEGER NOT NULL,
    "ExpertMean" REAL NULL,
    "ExpertPart" REAL NULL,
    "LevelPart" REAL NOT NULL,
    "RatingPart" REAL NULL,
    "BayesianRating" REAL NULL,
    "QualityScore" REAL NULL,
    "UpdatedAt" TEXT NOT NULL
);
INSERT INTO "resource_stats_new" SELECT "ResourceId", "Downloads", "RatingCount", "RatingSum", "ExpertMean", "ExpertPart", "LevelPart",
    "RatingPart", "BayesianRating", "QualityScore", "UpdatedAt" FROM "resource_stats";
DROP TABLE "resource_stats";
ALTER TABLE "resource_stats_new" RENAME TO "resource_stats";

CREATE TABLE "review_cases_new" (
    "ResourceId" TEXT NOT NULL CONSTRAINT "PK_review_cases" PRIMARY KEY,
    "Round" INTEGER NOT NULL,
    "RubricId" TEXT NOT NULL,
    "ReviewsNeeded" INTEGER NOT NULL,
    "Blind" INTEGER NOT NULL,
    "OpenedAt" TEXT NOT NULL,
    CONSTRAINT "FK_review_cases_rubrics_RubricId" FOREIGN KEY ("RubricId") REFERENCES "rubrics" ("Id") ON DELETE RESTRICT
);
INSERT INTO "review_cases_new" SELECT "ResourceId", "Round", "RubricId", "ReviewsNeeded", "Blind", "OpenedAt" FROM "review_cases";
DROP TABLE "review_cases";
ALTER TABLE "review_cases_new" RENAME TO "review_cases";
CREATE INDEX "IX_review_cases_RubricId" ON "review_cases" ("RubricId");

CREATE TABLE "reviews_new" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_reviews" PRIMARY KEY,
    "ResourceId" TEXT NOT NULL,
    "Round" INTEGER NOT NULL,
    "RubricId" TEXT NOT NULL,
    "ReviewerId" TEXT NOT NULL,
    "ReviewerOrg" TEXT NOT NULL,
    "Scores" TEXT NOT NULL,
    "Total" REAL NOT NULL,
    "MaxTotal" REAL NOT NULL,
    "Comment" TEXT NULL,
    "Verdict" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_reviews_rubrics_RubricId" FOREIGN KEY ("RubricId") REFERENCES "rubrics" ("Id") ON DELETE RESTRICT
);
INSERT INTO "reviews_new" SELECT "Id", "ResourceId", "Round", "RubricId", "ReviewerId", "ReviewerOrg", "Scores", "Total", "MaxTotal",
    "Comment", "Verdict", "CreatedAt" FROM "reviews";
DROP TABLE "reviews";
ALTER TABLE "reviews_new" RENAME TO "reviews";
CREATE UNIQUE INDEX "IX_reviews_ResourceId_Round_ReviewerId" ON "reviews" ("ResourceId", "Round", "ReviewerId");
CREATE INDEX "IX_reviews_ReviewerId" ON "reviews" ("ReviewerId");
CREATE INDEX "IX_reviews_RubricId" ON "reviews" ("RubricId");

-- What a package is (ordinary or 课例) and what curation gave it.
ALTER TABLE "packages" ADD COLUMN "Kind" TEXT NOT NULL DEFAULT 'general';
ALTER TABLE "packages" ADD COLUMN "RecommendationLevel" TEXT NULL;
ALTER TABLE "packages" ADD COLUMN "QualityScore" REAL NULL;
