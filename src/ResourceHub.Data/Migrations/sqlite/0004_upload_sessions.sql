-- Resumable uploads (tus): a session per upload, its parts stored as blobs until the upload completes.
CREATE TABLE "upload_sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_upload_sessions" PRIMARY KEY,
    "ResourceId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Offset" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    CONSTRAINT "FK_upload_sessions_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_upload_sessions_ExpiresAt" ON "upload_sessions" ("ExpiresAt");
CREATE INDEX "IX_upload_sessions_ResourceId" ON "upload_sessions" ("ResourceId");

CREATE TABLE "upload_parts" (
    "SessionId" TEXT NOT NULL,
    "Offset" INTEGER NOT NULL,
    "Length" INTEGER NOT NULL,
    "BlobKey" TEXT NOT NULL,
    CONSTRAINT "PK_upload_parts" PRIMARY KEY ("SessionId", "Offset"),
    CONSTRAINT "FK_upload_parts_upload_sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "upload_sessions" ("Id") ON DELETE CASCADE
);
