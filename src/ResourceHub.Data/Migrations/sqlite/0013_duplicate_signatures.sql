-- Near duplicates (issue 15): each resource's signatures (video frame hashes, MinHash of text and title) and their LSH bands, derived by the media worker.
CREATE TABLE "duplicate_bands" (
    "Method" TEXT NOT NULL,
    "Hash" INTEGER NOT NULL,
    "ResourceId" TEXT NOT NULL,
    CONSTRAINT "PK_duplicate_bands" PRIMARY KEY ("Method", "Hash", "ResourceId"),
    CONSTRAINT "FK_duplicate_bands_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);
CREATE TABLE "duplicate_signatures" (
    "ResourceId" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Data" BLOB NOT NULL,
    "ComputedAt" TEXT NOT NULL,
    CONSTRAINT "PK_duplicate_signatures" PRIMARY KEY ("ResourceId", "Method"),
    CONSTRAINT "FK_duplicate_signatures_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_duplicate_bands_ResourceId" ON "duplicate_bands" ("ResourceId");
