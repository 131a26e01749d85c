-- Text inside uploaded files (issue 15), written by the media worker and indexed as the Content field.
CREATE TABLE "resource_texts" (
    "ResourceId" TEXT NOT NULL CONSTRAINT "PK_resource_texts" PRIMARY KEY,
    "Text" TEXT NOT NULL,
    "ExtractedAt" TEXT NOT NULL,
    CONSTRAINT "FK_resource_texts_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);
