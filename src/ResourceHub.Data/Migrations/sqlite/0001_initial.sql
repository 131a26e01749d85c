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
    "Version" INTEGER NOT NULL,
    "File_FileName" TEXT NULL,
    "File_ContentType" TEXT NULL,
    "File_Size" INTEGER NULL,
    "File_Sha256" TEXT NULL,
    "File_BlobKey" TEXT NULL,
    "File_UploadedAt" TEXT NULL,
    "DurationSeconds" REAL NULL
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


CREATE UNIQUE INDEX "IX_course_items_CourseId_Position" ON "course_items" ("CourseId", "Position");


CREATE INDEX "IX_course_items_ResourceId" ON "course_items" ("ResourceId");


CREATE INDEX "IX_media_jobs_ResourceId_CreatedAt" ON "media_jobs" ("ResourceId", "CreatedAt");


CREATE INDEX "IX_media_jobs_State_NextRunAt" ON "media_jobs" ("State", "NextRunAt");


CREATE UNIQUE INDEX "IX_renditions_ResourceId_Kind" ON "renditions" ("ResourceId", "Kind");


CREATE INDEX "IX_resources_CreatedAt_Id" ON "resources" ("CreatedAt", "Id");


CREATE INDEX "IX_resources_Kind" ON "resources" ("Kind");


CREATE INDEX "IX_resources_OwnerOrg" ON "resources" ("OwnerOrg");


CREATE INDEX "IX_resources_Status" ON "resources" ("Status");


CREATE INDEX "IX_resources_Subject_Stage" ON "resources" ("Subject", "Stage");


CREATE INDEX "IX_resources_UpdatedAt_Id" ON "resources" ("UpdatedAt", "Id");



