-- Scale-out: background work that must run once takes a lease; keys every replica shares live here,
-- not in a replica's data directory.
CREATE TABLE "leases" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_leases" PRIMARY KEY,
    "Holder" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL
);

CREATE TABLE "shared_secrets" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_shared_secrets" PRIMARY KEY,
    "Value" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "data_protection_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);
