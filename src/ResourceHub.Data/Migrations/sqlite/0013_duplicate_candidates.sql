-- Duplicates (issue 15): files found identical or alike, and the index that finds identical files at upload.
CREATE TABLE "duplicate_candidates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_duplicate_candidates" PRIMARY KEY AUTOINCREMENT,
    "ResourceId" TEXT NOT NULL,
    "OtherResourceId" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Score" REAL NOT NULL,
    "FoundAt" TEXT NOT NULL,
    CONSTRAINT "FK_duplicate_candidates_resources_OtherResourceId" FOREIGN KEY ("OtherResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_duplicate_candidates_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_duplicate_candidates_OtherResourceId" ON "duplicate_candidates" ("OtherResourceId");
CREATE UNIQUE INDEX "IX_duplicate_candidates_ResourceId_OtherResourceId_Method" ON "duplicate_candidates" ("ResourceId", "OtherResourceId", "Method");
CREATE INDEX "IX_resources_File_Sha256" ON "resources" ("File_Sha256");
