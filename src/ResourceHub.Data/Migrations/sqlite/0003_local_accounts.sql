-- Password sign-in for the embedded setup (web app): a salted hash and the lockout counters per user.
CREATE TABLE "local_accounts" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_local_accounts" PRIMARY KEY,
    "PasswordHash" TEXT NOT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "LockedUntil" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
