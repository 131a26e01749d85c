-- 资源包 go through curation (issue 16): History, reviews, the review round, nominations and stats are keyed by the
-- id of a resource or a package, so their foreign keys to resources go.
ALTER TABLE curation_events DROP CONSTRAINT "FK_curation_events_resources_ResourceId";
ALTER TABLE nominations DROP CONSTRAINT "FK_nominations_resources_ResourceId";
ALTER TABLE resource_stats DROP CONSTRAINT "FK_resource_stats_resources_ResourceId";
ALTER TABLE review_cases DROP CONSTRAINT "FK_review_cases_resources_ResourceId";
ALTER TABLE reviews DROP CONSTRAINT "FK_reviews_resources_ResourceId";

-- What a package is (ordinary or 课例) and what curation gave it.
ALTER TABLE packages ADD "Kind" character varying(20) NOT NULL DEFAULT 'general';
ALTER TABLE packages ADD "RecommendationLevel" character varying(20);
ALTER TABLE packages ADD "QualityScore" double precision;
