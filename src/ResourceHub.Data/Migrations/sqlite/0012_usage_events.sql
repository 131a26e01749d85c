-- Statistics (issue 16): every download and rating with its time, so the statistics page can draw them over time.
CREATE TABLE "usage_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_usage_events" PRIMARY KEY AUTOINCREMENT,
    "ResourceId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Stars" INTEGER NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_usage_events_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_usage_events_Kind_At" ON "usage_events" ("Kind", "At");
CREATE INDEX "IX_usage_events_ResourceId" ON "usage_events" ("ResourceId");
