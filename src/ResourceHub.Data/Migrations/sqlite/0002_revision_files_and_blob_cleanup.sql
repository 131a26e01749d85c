-- A pending revision can carry a new file (curation: a live item's file goes through review).
ALTER TABLE "resource_revisions" ADD "File_FileName" TEXT NULL;
ALTER TABLE "resource_revisions" ADD "File_ContentType" TEXT NULL;
ALTER TABLE "resource_revisions" ADD "File_Size" INTEGER NULL;
ALTER TABLE "resource_revisions" ADD "File_Sha256" TEXT NULL;
ALTER TABLE "resource_revisions" ADD "File_BlobKey" TEXT NULL;
ALTER TABLE "resource_revisions" ADD "File_UploadedAt" TEXT NULL;

-- Blobs no row refers to any more, deleted by the background cleaner after a grace period.
CREATE TABLE "blob_cleanups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_blob_cleanups" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "IsPrefix" INTEGER NOT NULL,
    "NotBefore" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL
);

CREATE INDEX "IX_blob_cleanups_NotBefore" ON "blob_cleanups" ("NotBefore");
