CREATE TABLE "courses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_courses" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "CreditHours" REAL NOT NULL,
    "Subject" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "OwnerOrg" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "organizations" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_organizations" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Tier" TEXT NOT NULL,
    "ParentCode" TEXT NULL
);


CREATE TABLE "recommendation_quotas" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_recommendation_quotas" PRIMARY KEY,
    "Level" TEXT NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "MaxCount" INTEGER NOT NULL,
    "Used" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "resources" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_resources" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "Topics" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "Grade" TEXT NULL,
    "OwnerOrg" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "TrainingProject" TEXT NULL,
    "Workshop" TEXT NULL,
    "RecommendationLevel" TEXT NULL,
    "QualityScore" REAL NULL,
    "Version" INTEGER NOT NULL,
    "File_FileName" TEXT NULL,
    "File_ContentType" TEXT NULL,
    "File_Size" INTEGER NULL,
    "File_Sha256" TEXT NULL,
    "File_BlobKey" TEXT NULL,
    "File_UploadedAt" TEXT NULL,
    "DurationSeconds" REAL NULL
);


CREATE TABLE "rubrics" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rubrics" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kinds" TEXT NOT NULL,
    "RequiredReviews" INTEGER NOT NULL,
    "PassMean" REAL NOT NULL,
    "DivergenceGap" REAL NOT NULL,
    "BlindReview" INTEGER NOT NULL,
    "OwnerOrg" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "search_outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_search_outbox" PRIMARY KEY AUTOINCREMENT,
    "ResourceId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ProcessedAt" TEXT NULL
);


CREATE TABLE "users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_users" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "OrgCode" TEXT NOT NULL,
    "Subjects" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL
);


CREATE TABLE "course_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_course_items" PRIMARY KEY,
    "CourseId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "ResourceId" TEXT NOT NULL,
    CONSTRAINT "FK_course_items_courses_CourseId" FOREIGN KEY ("CourseId") REFERENCES "courses" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_course_items_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "curation_events" (
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
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_curation_events_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);


CREATE TABLE "media_jobs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_media_jobs" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "MaxAttempts" INTEGER NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "NextRunAt" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "Percent" REAL NOT NULL,
    "EtaSeconds" REAL NULL,
    "Stage" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_media_jobs_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);


CREATE TABLE "nominations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_nominations" PRIMARY KEY,
    "ResourceId" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "NominatedBy" TEXT NOT NULL,
    "NominatorOrg" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_nominations_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ratings" (
    "ResourceId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Stars" INTEGER NOT NULL,
    "RatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_ratings" PRIMARY KEY ("ResourceId", "UserId"),
    CONSTRAINT "FK_ratings_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);


CREATE TABLE "renditions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_renditions" PRIMARY KEY,
    "ResourceId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "BitRate" INTEGER NULL,
    "DurationSeconds" REAL NULL,
    "Size" INTEGER NOT NULL,
    "ContentType" TEXT NOT NULL,
    "BlobKey" TEXT NOT NULL,
    "BlobPrefix" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_renditions_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);


CREATE TABLE "resource_revisions" (
    "ResourceId" TEXT NOT NULL CONSTRAINT "PK_resource_revisions" PRIMARY KEY,
    "Status" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "Topics" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "Grade" TEXT NULL,
    "TrainingProject" TEXT NULL,
    "Workshop" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_resource_revisions_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);


CREATE TABLE "resource_stats" (
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
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_resource_stats_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);


CREATE TABLE "review_cases" (
    "ResourceId" TEXT NOT NULL CONSTRAINT "PK_review_cases" PRIMARY KEY,
    "Round" INTEGER NOT NULL,
    "RubricId" TEXT NOT NULL,
    "ReviewsNeeded" INTEGER NOT NULL,
    "Blind" INTEGER NOT NULL,
    "OpenedAt" TEXT NOT NULL,
    CONSTRAINT "FK_review_cases_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_review_cases_rubrics_RubricId" FOREIGN KEY ("RubricId") REFERENCES "rubrics" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "reviews" (
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
    CONSTRAINT "FK_reviews_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_reviews_rubrics_RubricId" FOREIGN KEY ("RubricId") REFERENCES "rubrics" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "rubric_criteria" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rubric_criteria" PRIMARY KEY,
    "RubricId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "MaxPoints" REAL NOT NULL,
    "Description" TEXT NULL,
    CONSTRAINT "FK_rubric_criteria_rubrics_RubricId" FOREIGN KEY ("RubricId") REFERENCES "rubrics" ("Id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "IX_course_items_CourseId_Position" ON "course_items" ("CourseId", "Position");


CREATE INDEX "IX_course_items_ResourceId" ON "course_items" ("ResourceId");


CREATE INDEX "IX_curation_events_ResourceId_Id" ON "curation_events" ("ResourceId", "Id");


CREATE INDEX "IX_media_jobs_ResourceId_CreatedAt" ON "media_jobs" ("ResourceId", "CreatedAt");


CREATE INDEX "IX_media_jobs_State_NextRunAt" ON "media_jobs" ("State", "NextRunAt");


CREATE UNIQUE INDEX "IX_nominations_ResourceId_Level_NominatedBy" ON "nominations" ("ResourceId", "Level", "NominatedBy");


CREATE UNIQUE INDEX "IX_recommendation_quotas_Level_RegionCode_Subject_Year" ON "recommendation_quotas" ("Level", "RegionCode", "Subject", "Year");


CREATE UNIQUE INDEX "IX_renditions_ResourceId_Kind" ON "renditions" ("ResourceId", "Kind");


CREATE INDEX "IX_resource_revisions_Status" ON "resource_revisions" ("Status");


CREATE INDEX "IX_resources_CreatedAt_Id" ON "resources" ("CreatedAt", "Id");


CREATE INDEX "IX_resources_Kind" ON "resources" ("Kind");


CREATE INDEX "IX_resources_OwnerOrg" ON "resources" ("OwnerOrg");


CREATE INDEX "IX_resources_Status" ON "resources" ("Status");


CREATE INDEX "IX_resources_Subject_Stage" ON "resources" ("Subject", "Stage");


CREATE INDEX "IX_resources_UpdatedAt_Id" ON "resources" ("UpdatedAt", "Id");


CREATE INDEX "IX_review_cases_RubricId" ON "review_cases" ("RubricId");


CREATE UNIQUE INDEX "IX_reviews_ResourceId_Round_ReviewerId" ON "reviews" ("ResourceId", "Round", "ReviewerId");


CREATE INDEX "IX_reviews_ReviewerId" ON "reviews" ("ReviewerId");


CREATE INDEX "IX_reviews_RubricId" ON "reviews" ("RubricId");


CREATE UNIQUE INDEX "IX_rubric_criteria_RubricId_Position" ON "rubric_criteria" ("RubricId", "Position");


CREATE INDEX "IX_search_outbox_ProcessedAt_Id" ON "search_outbox" ("ProcessedAt", "Id");



