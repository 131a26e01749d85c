CREATE TABLE courses (
    "Id" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Description" text,
    "Kind" character varying(20) NOT NULL,
    "CreditHours" double precision NOT NULL,
    "Subject" character varying(40) NOT NULL,
    "Stage" character varying(40) NOT NULL,
    "OwnerOrg" character varying(64) NOT NULL,
    "CreatedBy" character varying(128) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_courses" PRIMARY KEY ("Id")
);


CREATE TABLE organizations (
    "Code" character varying(64) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "Tier" character varying(20) NOT NULL,
    "ParentCode" character varying(64),
    CONSTRAINT "PK_organizations" PRIMARY KEY ("Code")
);


CREATE TABLE resources (
    "Id" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Description" character varying(20000),
    "Subject" character varying(40) NOT NULL,
    "Stage" character varying(40) NOT NULL,
    "Topics" text[] NOT NULL,
    "Tags" text[] NOT NULL,
    "Grade" character varying(40),
    "OwnerOrg" character varying(64) NOT NULL,
    "CreatedBy" character varying(128) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Status" character varying(40) NOT NULL,
    "Version" bigint NOT NULL,
    "File_FileName" character varying(255),
    "File_ContentType" character varying(255),
    "File_Size" bigint,
    "File_Sha256" character varying(64),
    "File_BlobKey" character varying(255),
    "File_UploadedAt" timestamp with time zone,
    CONSTRAINT "PK_resources" PRIMARY KEY ("Id")
);


CREATE TABLE users (
    "Id" character varying(128) NOT NULL,
    "DisplayName" character varying(200) NOT NULL,
    "Role" character varying(40) NOT NULL,
    "OrgCode" character varying(64) NOT NULL,
    "Subjects" text[] NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_users" PRIMARY KEY ("Id")
);


CREATE TABLE course_items (
    "Id" uuid NOT NULL,
    "CourseId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "ResourceId" uuid NOT NULL,
    CONSTRAINT "PK_course_items" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_course_items_courses_CourseId" FOREIGN KEY ("CourseId") REFERENCES courses ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_course_items_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES resources ("Id") ON DELETE RESTRICT
);


CREATE UNIQUE INDEX "IX_course_items_CourseId_Position" ON course_items ("CourseId", "Position");


CREATE INDEX "IX_course_items_ResourceId" ON course_items ("ResourceId");


CREATE INDEX "IX_resources_CreatedAt_Id" ON resources ("CreatedAt", "Id");


CREATE INDEX "IX_resources_Kind" ON resources ("Kind");


CREATE INDEX "IX_resources_OwnerOrg" ON resources ("OwnerOrg");


CREATE INDEX "IX_resources_Status" ON resources ("Status");


CREATE INDEX "IX_resources_Subject_Stage" ON resources ("Subject", "Stage");


CREATE INDEX "IX_resources_UpdatedAt_Id" ON resources ("UpdatedAt", "Id");



