CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"screened_on" date NOT NULL,
	"context" text NOT NULL,
	"indicators" text[] NOT NULL,
	"child" boolean NOT NULL,
	"indications" boolean NOT NULL,
	"reasons" text[] NOT NULL,
	"screened_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screenings_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_subject_id_child_cases_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."child_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "screenings_subject_id_index" ON "screenings" USING btree ("subject_id");