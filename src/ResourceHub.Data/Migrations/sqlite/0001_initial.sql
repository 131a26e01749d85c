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
    "File_UploadedAt" TEXT NULL
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


CREATE UNIQUE INDEX "IX_course_items_CourseId_Position" ON "course_items" ("CourseId", "Position");


CREATE INDEX "IX_course_items_ResourceId" ON "course_items" ("ResourceId");


CREATE INDEX "IX_resources_CreatedAt_Id" ON "resources" ("CreatedAt", "Id");


CREATE INDEX "IX_resources_Kind" ON "resources" ("Kind");


CREATE INDEX "IX_resources_OwnerOrg" ON "resources" ("OwnerOrg");


CREATE INDEX "IX_resources_Status" ON "resources" ("Status");


CREATE INDEX "IX_resources_Subject_Stage" ON "resources" ("Subject", "Stage");


CREATE INDEX "IX_resources_UpdatedAt_Id" ON "resources" ("UpdatedAt", "Id");


CREATE INDEX "IX_search_outbox_ProcessedAt_Id" ON "search_outbox" ("ProcessedAt", "Id");



