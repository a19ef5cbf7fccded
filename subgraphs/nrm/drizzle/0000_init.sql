CREATE TABLE "link_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"victim_id" uuid NOT NULL,
	"candidate_victim_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"state" text DEFAULT 'OPEN' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lsh_buckets" (
	"bucket" bigint NOT NULL,
	"registration_id" uuid NOT NULL,
	CONSTRAINT "lsh_buckets_bucket_registration_id_pk" PRIMARY KEY("bucket","registration_id")
);
--> statement-breakpoint
CREATE TABLE "match_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "match_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"registration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"victim_id" uuid NOT NULL,
	"from_agency" text NOT NULL,
	"target" text NOT NULL,
	"state" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "referrals_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"victim_id" uuid NOT NULL,
	"issued_victim_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"agency_record_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text NOT NULL,
	"decided_by" text NOT NULL,
	"exploitation_types" text[] NOT NULL,
	"decided_on" date NOT NULL,
	"gender" text NOT NULL,
	"birth_year" integer,
	"citizenships" text[] NOT NULL,
	"clk" "bytea" NOT NULL,
	"matched_existing" boolean NOT NULL,
	"match_score" double precision NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victim_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"victim_id" uuid NOT NULL,
	"other_victim_id" uuid NOT NULL,
	"registration_ids" uuid[] NOT NULL,
	"redirected_ids" uuid[] NOT NULL,
	"review_id" uuid,
	"decided_by" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"merged_into" uuid,
	"merged_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "link_reviews" ADD CONSTRAINT "link_reviews_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_reviews" ADD CONSTRAINT "link_reviews_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_reviews" ADD CONSTRAINT "link_reviews_candidate_victim_id_victims_id_fk" FOREIGN KEY ("candidate_victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lsh_buckets" ADD CONSTRAINT "lsh_buckets_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_keys" ADD CONSTRAINT "match_keys_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_issued_victim_id_victims_id_fk" FOREIGN KEY ("issued_victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_events" ADD CONSTRAINT "victim_events_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_events" ADD CONSTRAINT "victim_events_other_victim_id_victims_id_fk" FOREIGN KEY ("other_victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_events" ADD CONSTRAINT "victim_events_review_id_link_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."link_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victims" ADD CONSTRAINT "victims_merged_into_victims_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "link_reviews_state_created_at_index" ON "link_reviews" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "match_keys_kind_value_index" ON "match_keys" USING btree ("kind","value");--> statement-breakpoint
CREATE INDEX "referrals_victim_id_index" ON "referrals" USING btree ("victim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_agency_idempotency_key_index" ON "registrations" USING btree ("agency","idempotency_key");--> statement-breakpoint
CREATE INDEX "registrations_victim_id_index" ON "registrations" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "victim_events_victim_id_index" ON "victim_events" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "victim_events_other_victim_id_index" ON "victim_events" USING btree ("other_victim_id");--> statement-breakpoint
CREATE INDEX "victims_merged_into_index" ON "victims" USING btree ("merged_into");