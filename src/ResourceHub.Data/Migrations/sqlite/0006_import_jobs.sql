-- Bulk import (issue 15): durable jobs with one row per manifest line, and vendors' own ids per organisation.
CREATE TABLE "import_jobs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_import_jobs" PRIMARY KEY,
    "OwnerOrg" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedByName" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "SourceIsBlob" INTEGER NOT NULL,
    "Submit" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "TotalRows" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_import_jobs_CreatedBy_Source" ON "import_jobs" ("CreatedBy", "Source");
CREATE INDEX "IX_import_jobs_State_CreatedAt" ON "import_jobs" ("State", "CreatedAt");

CREATE TABLE "import_rows" (
    "JobId" TEXT NOT NULL,
    "Line" INTEGER NOT NULL,
    "ExternalId" TEXT NULL,
    "Cells" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Message" TEXT NULL,
    "ResourceId" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_import_rows" PRIMARY KEY ("JobId", "Line"),
    CONSTRAINT "FK_import_rows_import_jobs_JobId" FOREIGN KEY ("JobId") REFERENCES "import_jobs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "resource_external_ids" (
    "OwnerOrg" TEXT NOT NULL,
    "ExternalId" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    CONSTRAINT "PK_resource_external_ids" PRIMARY KEY ("OwnerOrg", "ExternalId"),
    CONSTRAINT "FK_resource_external_ids_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_resource_external_ids_ResourceId" ON "resource_external_ids" ("ResourceId");
