-- Duplicates merged by an admin (issue 15): the merged id redirects to the kept one; merged findings are marked resolved.
CREATE TABLE resource_merges (
    "MergedId" uuid NOT NULL,
    "KeptId" uuid NOT NULL,
    "MergedBy" character varying(128) NOT NULL,
    "MergedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_resource_merges" PRIMARY KEY ("MergedId"),
    CONSTRAINT "FK_resource_merges_resources_KeptId" FOREIGN KEY ("KeptId") REFERENCES resources ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_resource_merges_resources_MergedId" FOREIGN KEY ("MergedId") REFERENCES resources ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_resource_merges_KeptId" ON resource_merges ("KeptId");
ALTER TABLE duplicate_candidates ADD COLUMN "ResolvedAt" timestamp with time zone NULL;
ALTER TABLE duplicate_candidates ADD COLUMN "ResolvedBy" character varying(128) NULL;
