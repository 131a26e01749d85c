-- Text inside uploaded files (issue 15), written by the media worker and indexed as the Content field.
CREATE TABLE resource_texts (
    "ResourceId" uuid NOT NULL,
    "Text" text NOT NULL,
    "ExtractedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_resource_texts" PRIMARY KEY ("ResourceId"),
    CONSTRAINT "FK_resource_texts_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES resources ("Id") ON DELETE CASCADE
);
