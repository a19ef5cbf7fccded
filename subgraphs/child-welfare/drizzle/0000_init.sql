CREATE TABLE "child_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"victim_id" uuid,
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
	"municipality" text NOT NULL,
	"age_assessment" text NOT NULL,
	"unaccompanied" boolean NOT NULL,
	"guardian_name" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"taken_at" date NOT NULL,
	CONSTRAINT "measures_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"started_at" date NOT NULL,
	"planned_end_at" date NOT NULL,
	"ended_at" date,
	CONSTRAINT "placements_idempotencyKey_unique" UNIQUE("idempotency_key")
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
ALTER TABLE "measures" ADD CONSTRAINT "measures_case_id_child_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."child_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_case_id_child_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."child_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_cases_victim_id_index" ON "child_cases" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "measures_case_id_index" ON "measures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "placements_case_id_index" ON "placements" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "placements_planned_end_at_index" ON "placements" USING btree ("planned_end_at");