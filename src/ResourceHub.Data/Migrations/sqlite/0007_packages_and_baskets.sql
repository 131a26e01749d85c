-- 备课篮 (one per user) and 资源包 (ordered sections of resources), and the CRC-32 of blobs for streamed ZIPs.
CREATE TABLE "packages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_packages" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "Topic" TEXT NULL,
    "OwnerOrg" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_packages_OwnerOrg" ON "packages" ("OwnerOrg");

CREATE TABLE "package_sections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_package_sections" PRIMARY KEY,
    "PackageId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    CONSTRAINT "FK_package_sections_packages_PackageId" FOREIGN KEY ("PackageId") REFERENCES "packages" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_package_sections_PackageId_Position" ON "package_sections" ("PackageId", "Position");

CREATE TABLE "package_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_package_items" PRIMARY KEY,
    "SectionId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "ResourceId" TEXT NOT NULL,
    CONSTRAINT "FK_package_items_package_sections_SectionId" FOREIGN KEY ("SectionId") REFERENCES "package_sections" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_package_items_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_package_items_ResourceId" ON "package_items" ("ResourceId");
CREATE UNIQUE INDEX "IX_package_items_SectionId_Position" ON "package_items" ("SectionId", "Position");

CREATE TABLE "basket_items" (
    "UserId" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "AddedAt" TEXT NOT NULL,
    CONSTRAINT "PK_basket_items" PRIMARY KEY ("UserId", "ResourceId"),
    CONSTRAINT "FK_basket_items_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_basket_items_ResourceId" ON "basket_items" ("ResourceId");

CREATE TABLE "blob_crcs" (
    "BlobKey" TEXT NOT NULL CONSTRAINT "PK_blob_crcs" PRIMARY KEY,
    "Crc32" INTEGER NOT NULL
);
