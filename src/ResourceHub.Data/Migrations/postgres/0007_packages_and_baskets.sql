-- 备课篮 (one per user) and 资源包 (ordered sections of resources), and the CRC-32 of blobs for streamed ZIPs.
CREATE TABLE packages (
    "Id" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Description" text,
    "Subject" character varying(40) NOT NULL,
    "Stage" character varying(40) NOT NULL,
    "Topic" character varying(40),
    "OwnerOrg" character varying(64) NOT NULL,
    "CreatedBy" character varying(128) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_packages" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_packages_OwnerOrg" ON packages ("OwnerOrg");

CREATE TABLE package_sections (
    "Id" uuid NOT NULL,
    "PackageId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    CONSTRAINT "PK_package_sections" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_package_sections_packages_PackageId" FOREIGN KEY ("PackageId") REFERENCES packages ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_package_sections_PackageId_Position" ON package_sections ("PackageId", "Position");

CREATE TABLE package_items (
    "Id" uuid NOT NULL,
    "SectionId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "ResourceId" uuid NOT NULL,
    CONSTRAINT "PK_package_items" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_package_items_package_sections_SectionId" FOREIGN KEY ("SectionId") REFERENCES package_sections ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_package_items_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES resources ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_package_items_ResourceId" ON package_items ("ResourceId");
CREATE UNIQUE INDEX "IX_package_items_SectionId_Position" ON package_items ("SectionId", "Position");

CREATE TABLE basket_items (
    "UserId" character varying(128) NOT NULL,
    "ResourceId" uuid NOT NULL,
    "AddedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_basket_items" PRIMARY KEY ("UserId", "ResourceId"),
    CONSTRAINT "FK_basket_items_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES resources ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_basket_items_ResourceId" ON basket_items ("ResourceId");

CREATE TABLE blob_crcs (
    "BlobKey" character varying(1024) NOT NULL,
    "Crc32" bigint NOT NULL,
    CONSTRAINT "PK_blob_crcs" PRIMARY KEY ("BlobKey")
);
