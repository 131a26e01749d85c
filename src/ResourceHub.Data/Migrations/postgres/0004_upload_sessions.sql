-- Resumable uploads (tus): a session per upload, its parts stored as blobs until the upload completes.
CREATE TABLE upload_sessions (
    "Id" uuid NOT NULL,
    "ResourceId" uuid NOT NULL,
    "UserId" character varying(128) NOT NULL,
    "Length" bigint NOT NULL,
    "Offset" bigint NOT NULL,
    "FileName" character varying(255) NOT NULL,
    "ContentType" character varying(255) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_upload_sessions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_upload_sessions_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES resources ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_upload_sessions_ExpiresAt" ON upload_sessions ("ExpiresAt");
CREATE INDEX "IX_upload_sessions_ResourceId" ON upload_sessions ("ResourceId");

CREATE TABLE upload_parts (
    "SessionId" uuid NOT NULL,
    "Offset" bigint NOT NULL,
    "Length" bigint NOT NULL,
    "BlobKey" character varying(1024) NOT NULL,
    CONSTRAINT "PK_upload_parts" PRIMARY KEY ("SessionId", "Offset"),
    CONSTRAINT "FK_upload_parts_upload_sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES upload_sessions ("Id") ON DELETE CASCADE
);
