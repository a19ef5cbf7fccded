CREATE TABLE "case_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"investigation_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "case_roles_personId_investigationId_role_unique" UNIQUE("person_id","investigation_id","role")
);
--> statement-breakpoint
CREATE TABLE "compensation_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"person_id" uuid NOT NULL,
	"investigation_id" uuid NOT NULL,
	"amount_nok" integer NOT NULL,
	"ordered_at" date NOT NULL,
	"paid_at" date,
	CONSTRAINT "compensation_orders_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "custody_stays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"facility" text NOT NULL,
	"started_at" date NOT NULL,
	"ended_at" date,
	CONSTRAINT "custody_stays_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "investigations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"police_district" text NOT NULL,
	"offence" text NOT NULL,
	"prosecuted_as" text,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"opened_at" date NOT NULL,
	"convicted_at" date,
	CONSTRAINT "investigations_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "persons" (
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
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
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
ALTER TABLE "case_roles" ADD CONSTRAINT "case_roles_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_roles" ADD CONSTRAINT "case_roles_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_orders" ADD CONSTRAINT "compensation_orders_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_orders" ADD CONSTRAINT "compensation_orders_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_stays" ADD CONSTRAINT "custody_stays_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compensation_orders_person_id_index" ON "compensation_orders" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "custody_stays_person_id_index" ON "custody_stays" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "persons_victim_id_index" ON "persons" USING btree ("victim_id");