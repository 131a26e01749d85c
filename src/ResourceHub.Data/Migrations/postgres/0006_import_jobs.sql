-- Bulk import (issue 15): durable jobs with one row per manifest line, and vendors' own ids per organisation.
CREATE TABLE import_jobs (
    "Id" uuid NOT NULL,
    "OwnerOrg" character varying(64) NOT NULL,
    "CreatedBy" character varying(128) NOT NULL,
    "CreatedByName" character varying(200) NOT NULL,
    "Role" character varying(32) NOT NULL,
    "Source" character varying(2000) NOT NULL,
    "SourceIsBlob" boolean NOT NULL,
    "Submit" boolean NOT NULL,
    "State" character varying(20) NOT NULL,
    "TotalRows" integer NOT NULL,
    "Error" character varying(2000),
    "LeaseOwner" character varying(200),
    "LeaseUntil" timestamp with time zone,
    "Attempts" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_import_jobs" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_import_jobs_CreatedBy_Source" ON import_jobs ("CreatedBy", "Source");
CREATE INDEX "IX_import_jobs_State_CreatedAt" ON import_jobs ("State", "CreatedAt");

CREATE TABLE import_rows (
    "JobId" uuid NOT NULL,
    "Line" integer NOT NULL,
    "ExternalId" character varying(100),
    "Cells" text NOT NULL,
    "State" character varying(20) NOT NULL,
    "Message" text,
    "ResourceId" uuid,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_import_rows" PRIMARY KEY ("JobId", "Line"),
    CONSTRAINT "FK_import_rows_import_jobs_JobId" FOREIGN KEY ("JobId") REFERENCES import_jobs ("Id") ON DELETE CASCADE
);

CREATE TABLE resource_external_ids (
    "OwnerOrg" character varying(64) NOT NULL,
    "ExternalId" character varying(100) NOT NULL,
    "ResourceId" uuid NOT NULL,
    CONSTRAINT "PK_resource_external_ids" PRIMARY KEY ("OwnerOrg", "ExternalId"),
    CONSTRAINT "FK_resource_external_ids_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES resources ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_resource_external_ids_ResourceId" ON resource_external_ids ("ResourceId");
