CREATE TABLE "assistance_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"client_id" uuid NOT NULL,
	"type" text NOT NULL,
	"started_at" date NOT NULL,
	"ended_at" date,
	CONSTRAINT "assistance_episodes_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"victim_id" uuid,
	"organisation_id" uuid NOT NULL,
	"given_names" text NOT NULL,
	"family_name" text NOT NULL,
	"aliases" text[] NOT NULL,
	"birth_date" date,
	"birth_year" integer,
	"gender" text NOT NULL,
	"citizenships" text[] NOT NULL,
	"identifiers" jsonb NOT NULL,
	"status" text NOT NULL,
	"decided_by" text NOT NULL,
	"exploitation_types" text[] NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"client_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"purpose" text NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consents_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_nok" bigint NOT NULL,
	"grantor" text NOT NULL,
	CONSTRAINT "grants_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "organisations_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "registration_requests" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"request_hash" text NOT NULL,
	"record_id" uuid NOT NULL,
	"victim_id" uuid NOT NULL,
	"matched_existing" boolean NOT NULL,
	"match_score" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assistance_episodes" ADD CONSTRAINT "assistance_episodes_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistance_episodes_client_id_index" ON "assistance_episodes" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "clients_victim_id_index" ON "clients" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "clients_organisation_id_index" ON "clients" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "consents_client_id_index" ON "consents" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "grants_year_index" ON "grants" USING btree ("year");--> statement-breakpoint
CREATE INDEX "grants_organisation_id_index" ON "grants" USING btree ("organisation_id");