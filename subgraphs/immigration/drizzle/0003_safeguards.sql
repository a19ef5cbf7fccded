CREATE TABLE "return_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"return_id" uuid NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"hit" boolean NOT NULL,
	"alert_id" uuid,
	"alert_state" text,
	"checked_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"return_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"blocked_by" text NOT NULL,
	"by" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_overrides_returnId_unique" UNIQUE("return_id")
);
--> statement-breakpoint
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
ALTER TABLE "return_checks" ADD CONSTRAINT "return_checks_return_id_return_proceedings_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."return_proceedings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_overrides" ADD CONSTRAINT "return_overrides_return_id_return_proceedings_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."return_proceedings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_subject_id_applicants_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_checks_return_id_index" ON "return_checks" USING btree ("return_id");--> statement-breakpoint
CREATE INDEX "screenings_subject_id_index" ON "screenings" USING btree ("subject_id");