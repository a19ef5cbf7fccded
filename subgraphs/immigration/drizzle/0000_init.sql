CREATE TABLE "applicants" (
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
	"duf_number" text,
	"eea_citizen" boolean NOT NULL,
	"status" text NOT NULL,
	"decided_by" text NOT NULL,
	"exploitation_types" text[] NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asylum_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"applicant_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"decided_at" date NOT NULL,
	CONSTRAINT "asylum_decisions_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "reflection_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"applicant_id" uuid NOT NULL,
	"granted_at" date NOT NULL,
	"ends_at" date NOT NULL,
	CONSTRAINT "reflection_periods_idempotencyKey_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "reflection_periods_applicantId_unique" UNIQUE("applicant_id")
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
CREATE TABLE "residence_permits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"applicant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"granted_at" date NOT NULL,
	"valid_until" date NOT NULL,
	CONSTRAINT "residence_permits_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "return_proceedings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"applicant_id" uuid NOT NULL,
	"departure_date" date NOT NULL,
	"screened" boolean NOT NULL,
	"status" text DEFAULT 'PLANNED' NOT NULL,
	CONSTRAINT "return_proceedings_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "asylum_decisions" ADD CONSTRAINT "asylum_decisions_applicant_id_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_periods" ADD CONSTRAINT "reflection_periods_applicant_id_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_permits" ADD CONSTRAINT "residence_permits_applicant_id_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_proceedings" ADD CONSTRAINT "return_proceedings_applicant_id_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applicants_victim_id_index" ON "applicants" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "applicants_duf_number_index" ON "applicants" USING btree ("duf_number");--> statement-breakpoint
CREATE INDEX "asylum_decisions_applicant_id_index" ON "asylum_decisions" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "residence_permits_applicant_id_index" ON "residence_permits" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "return_proceedings_applicant_id_index" ON "return_proceedings" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "return_proceedings_departure_date_index" ON "return_proceedings" USING btree ("departure_date");