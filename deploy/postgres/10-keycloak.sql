-- Keycloak keeps its realm in its own database on the same PostgreSQL (runs once, on first start).
CREATE DATABASE keycloak OWNER resourcehub;
