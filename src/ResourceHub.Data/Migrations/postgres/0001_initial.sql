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
    "DurationSeconds" double precision,
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


CREATE TABLE media_jobs (
    "Id" uuid NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "ResourceId" uuid NOT NULL,
    "State" character varying(20) NOT NULL,
    "Attempts" integer NOT NULL,
    "MaxAttempts" integer NOT NULL,
    "LeaseOwner" character varying(200),
    "LeaseUntil" timestamp with time zone,
    "NextRunAt" timestamp with time zone NOT NULL,
    "LastError" character varying(2000),
    "Percent" double precision NOT NULL,
    "EtaSeconds" double precision,
    "Stage" character varying(20),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_media_jobs" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_media_jobs_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES resources ("Id") ON DELETE CASCADE
);


CREATE TABLE renditions (
    "Id" uuid NOT NULL,
    "ResourceId" uuid NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "Width" integer NOT NULL,
    "Height" integer NOT NULL,
    "BitRate" bigint,
    "DurationSeconds" double precision,
    "Size" bigint NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "BlobKey" character varying(255) NOT NULL,
    "BlobPrefix" character varying(255) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_renditions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_renditions_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES resources ("Id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "IX_course_items_CourseId_Position" ON course_items ("CourseId", "Position");


CREATE INDEX "IX_course_items_ResourceId" ON course_items ("ResourceId");


CREATE INDEX "IX_media_jobs_ResourceId_CreatedAt" ON media_jobs ("ResourceId", "CreatedAt");


CREATE INDEX "IX_media_jobs_State_NextRunAt" ON media_jobs ("State", "NextRunAt");


CREATE UNIQUE INDEX "IX_renditions_ResourceId_Kind" ON renditions ("ResourceId", "Kind");


CREATE INDEX "IX_resources_CreatedAt_Id" ON resources ("CreatedAt", "Id");


CREATE INDEX "IX_resources_Kind" ON resources ("Kind");


CREATE INDEX "IX_resources_OwnerOrg" ON resources ("OwnerOrg");


CREATE INDEX "IX_resources_Status" ON resources ("Status");


CREATE INDEX "IX_resources_Subject_Stage" ON resources ("Subject", "Stage");


CREATE INDEX "IX_resources_UpdatedAt_Id" ON resources ("UpdatedAt", "Id");



