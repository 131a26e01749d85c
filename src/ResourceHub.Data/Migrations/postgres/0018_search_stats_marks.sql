-- Sorting search by downloads and rating (issue 12): stats rows the search index has not picked up yet
-- (1 changed, 2 being indexed), instead of an outbox row per download.
ALTER TABLE resource_stats ADD "SearchPending" integer NOT NULL DEFAULT 0;
CREATE INDEX "IX_resource_stats_SearchPending" ON resource_stats ("SearchPending") WHERE "SearchPending" <> 0;
