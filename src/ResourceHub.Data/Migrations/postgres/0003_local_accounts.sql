-- Password sign-in for the embedded setup (web app): a salted hash and the lockout counters per user.
CREATE TABLE local_accounts (
    "UserId" character varying(128) NOT NULL,
    "PasswordHash" character varying(400) NOT NULL,
    "FailedAttempts" integer NOT NULL,
    "LockedUntil" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_local_accounts" PRIMARY KEY ("UserId")
);
