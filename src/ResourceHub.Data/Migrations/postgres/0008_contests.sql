-- Contests (评选活动): entries, eligibility, expert scores, individual votes (one row each, unique per voter, entry, day and slot), audit history.
CREATE TABLE contests (
    "Id" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Rules" character varying(20000) NOT NULL,
    "Kinds" text[] NOT NULL,
    "Subjects" text[] NOT NULL,
    "Stages" text[] NOT NULL,
    "RegionOrg" character varying(64) NOT NULL,
    "TrainingProject" character varying(1000),
    "RubricId" uuid NOT NULL,
    "Phase" character varying(20) NOT NULL,
    "CollectFrom" timestamp with time zone NOT NULL,
    "ScreenFrom" timestamp with time zone NOT NULL,
    "JudgeFrom" timestamp with time zone NOT NULL,
    "PublicityFrom" timestamp with time zone NOT NULL,
    "ResultsFrom" timestamp with time zone NOT NULL,
    "ExpertWeight" integer NOT NULL,
    "FirstPrizes" integer NOT NULL,
    "SecondPrizes" integer NOT NULL,
    "ThirdPrizes" integer NOT NULL,
    "ExcellencePrizes" integer NOT NULL,
    "VotesPerDay" integer NOT NULL,
    "CreatedBy" character varying(128) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_contests" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_contests_rubrics_RubricId" FOREIGN KEY ("RubricId") REFERENCES rubrics ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_contests_RegionOrg" ON contests ("RegionOrg");

CREATE INDEX "IX_contests_RubricId" ON contests ("RubricId");

CREATE TABLE contest_entries (
    "Id" uuid NOT NULL,
    "ContestId" uuid NOT NULL,
    "ResourceId" uuid NOT NULL,
    "EntrantId" character varying(128) NOT NULL,
    "EntrantOrg" character varying(64) NOT NULL,
    "Status" character varying(20) NOT NULL,
    "StatusReason" character varying(1000),
    "Award" character varying(20),
    "EnteredAt" timestamp with time zone NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_contest_entries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_contest_entries_contests_ContestId" FOREIGN KEY ("ContestId") REFERENCES contests ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_contest_entries_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES resources ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_contest_entries_ContestId_ResourceId" ON contest_entries ("ContestId", "ResourceId");

CREATE INDEX "IX_contest_entries_ResourceId" ON contest_entries ("ResourceId");

CREATE TABLE contest_events (
    "Id" uuid NOT NULL,
    "ContestId" uuid NOT NULL,
    "EntryId" uuid,
    "Action" character varying(20) NOT NULL,
    "ActorId" character varying(128) NOT NULL,
    "ActorOrg" character varying(64) NOT NULL,
    "Reason" character varying(1000),
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_contest_events" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_contest_events_contests_ContestId" FOREIGN KEY ("ContestId") REFERENCES contests ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_contest_events_ContestId_At" ON contest_events ("ContestId", "At");

CREATE TABLE contest_scores (
    "Id" uuid NOT NULL,
    "ContestId" uuid NOT NULL,
    "EntryId" uuid NOT NULL,
    "ExpertId" character varying(128) NOT NULL,
    "ExpertOrg" character varying(64) NOT NULL,
    "Scores" text[] NOT NULL,
    "Total" double precision NOT NULL,
    "MaxTotal" double precision NOT NULL,
    "Comment" character varying(1000),
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_contest_scores" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_contest_scores_contest_entries_EntryId" FOREIGN KEY ("EntryId") REFERENCES contest_entries ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_contest_scores_ContestId" ON contest_scores ("ContestId");

CREATE UNIQUE INDEX "IX_contest_scores_EntryId_ExpertId" ON contest_scores ("EntryId", "ExpertId");

CREATE TABLE contest_votes (
    "Id" uuid NOT NULL,
    "ContestId" uuid NOT NULL,
    "EntryId" uuid NOT NULL,
    "VoterId" character varying(128) NOT NULL,
    "VoterOrg" character varying(64) NOT NULL,
    "Day" integer NOT NULL,
    "Slot" integer NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Flags" character varying(100) NOT NULL,
    CONSTRAINT "PK_contest_votes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_contest_votes_contest_entries_EntryId" FOREIGN KEY ("EntryId") REFERENCES contest_entries ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_contest_votes_ContestId_EntryId" ON contest_votes ("ContestId", "EntryId");

CREATE INDEX "IX_contest_votes_ContestId_VoterId_At" ON contest_votes ("ContestId", "VoterId", "At");

CREATE UNIQUE INDEX "IX_contest_votes_EntryId_VoterId_Day_Slot" ON contest_votes ("EntryId", "VoterId", "Day", "Slot");
