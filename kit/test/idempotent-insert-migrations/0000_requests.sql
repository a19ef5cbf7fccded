CREATE TABLE "requests" ("id" serial PRIMARY KEY NOT NULL, "idempotency_key" text NOT NULL UNIQUE, "client_id" text NOT NULL, "type" text NOT NULL);
