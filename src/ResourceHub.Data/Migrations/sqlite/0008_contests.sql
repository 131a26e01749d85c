-- Contests (评选活动): entries, eligibility, expert scores, individual votes (one row each, unique per voter, entry, day and slot), audit history.
CREATE TABLE "contests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_contests" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Rules" TEXT NOT NULL,
    "Kinds" TEXT NOT NULL,
    "Subjects" TEXT NOT NULL,
    "Stages" TEXT NOT NULL,
    "RegionOrg" TEXT NOT NULL,
    "TrainingProject" TEXT NULL,
    "RubricId" TEXT NOT NULL,
    "Phase" TEXT NOT NULL,
    "CollectFrom" TEXT NOT NULL,
    "ScreenFrom" TEXT NOT NULL,
    "JudgeFrom" TEXT NOT NULL,
    "PublicityFrom" TEXT NOT NULL,
    "ResultsFrom" TEXT NOT NULL,
    "ExpertWeight" INTEGER NOT NULL,
    "FirstPrizes" INTEGER NOT NULL,
    "SecondPrizes" INTEGER NOT NULL,
    "ThirdPrizes" INTEGER NOT NULL,
    "ExcellencePrizes" INTEGER NOT NULL,
    "VotesPerDay" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_contests_rubrics_RubricId" FOREIGN KEY ("RubricId") REFERENCES "rubrics" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_contests_RegionOrg" ON "contests" ("RegionOrg");

CREATE INDEX "IX_contests_RubricId" ON "contests" ("RubricId");

CREATE TABLE "contest_entries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_contest_entries" PRIMARY KEY,
    "ContestId" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "EntrantId" TEXT NOT NULL,
    "EntrantOrg" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "StatusReason" TEXT NULL,
    "Award" TEXT NULL,
    "EnteredAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_contest_entries_contests_ContestId" FOREIGN KEY ("ContestId") REFERENCES "contests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_contest_entries_resources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "resources" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_contest_entries_ContestId_ResourceId" ON "contest_entries" ("ContestId", "ResourceId");

CREATE INDEX "IX_contest_entries_ResourceId" ON "contest_entries" ("ResourceId");

CREATE TABLE "contest_events" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_contest_events" PRIMARY KEY,
    "ContestId" TEXT NOT NULL,
    "EntryId" TEXT NULL,
    "Action" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorOrg" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_contest_events_contests_ContestId" FOREIGN KEY ("ContestId") REFERENCES "contests" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_contest_events_ContestId_At" ON "contest_events" ("ContestId", "At");

CREATE TABLE "contest_scores" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_contest_scores" PRIMARY KEY,
    "ContestId" TEXT NOT NULL,
    "EntryId" TEXT NOT NULL,
    "ExpertId" TEXT NOT NULL,
    "ExpertOrg" TEXT NOT NULL,
    "Scores" TEXT NOT NULL,
    "Total" REAL NOT NULL,
    "MaxTotal" REAL NOT NULL,
    "Comment" TEXT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_contest_scores_contest_entries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "contest_entries" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_contest_scores_ContestId" ON "contest_scores" ("ContestId");

CREATE UNIQUE INDEX "IX_contest_scores_EntryId_ExpertId" ON "contest_scores" ("EntryId", "ExpertId");

CREATE TABLE "contest_votes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_contest_votes" PRIMARY KEY,
    "ContestId" TEXT NOT NULL,
    "EntryId" TEXT NOT NULL,
    "VoterId" TEXT NOT NULL,
    "VoterOrg" TEXT NOT NULL,
    "Day" INTEGER NOT NULL,
    "Slot" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Flags" TEXT NOT NULL,
    CONSTRAINT "FK_contest_votes_contest_entries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "contest_entries" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_contest_votes_ContestId_EntryId" ON "contest_votes" ("ContestId", "EntryId");

CREATE INDEX "IX_contest_votes_ContestId_VoterId_At" ON "contest_votes" ("ContestId", "VoterId", "At");

CREATE UNIQUE INDEX "IX_contest_votes_EntryId_VoterId_Day_Slot" ON "contest_votes" ("EntryId", "VoterId", "Day", "Slot");
