-- Duplicates merged by an admin (issue 15): the merged id redirects to the kept one; merged findings are marked resolved.
CREATE TABLE "resource_merges" (
    "MergedId" TEXT NOT NULL CONSTRAINT "PK_resource_merges" PRIMARY KEY,
    "KeptId" TEXT NOT NULL,
    "MergedBy" TEXT NOT NULL,
    "MergedAt" TEXT NOT NULL,
    CONSTRAINT "FK_resource_merges_resources_KeptId" FOREIGN KEY ("KeptId") REFERENCES "resources" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_resource_merges_resources_MergedId" FOREIGN KEY ("MergedId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_resource_merges_KeptId" ON "resource_merges" ("KeptId");
ALTER TABLE "duplicate_candidates" ADD COLUMN "ResolvedAt" TEXT NULL;
ALTER TABLE "duplicate_candidates" ADD COLUMN "ResolvedBy" TEXT NULL;
