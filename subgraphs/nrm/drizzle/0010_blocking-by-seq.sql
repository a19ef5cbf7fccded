-- The blocking index refers to registrations by a 4-byte number instead of the uuid, so a bucket's members
-- can be read as one packed list (see candidatesOf in src/data/matching.ts). Existing rows are carried over.
ALTER TABLE "registrations" ADD COLUMN "seq" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "registrations_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_seq_index" ON "registrations" USING btree ("seq");--> statement-breakpoint
ALTER TABLE "lsh_buckets" ADD COLUMN "registration_seq" integer;--> statement-breakpoint
UPDATE "lsh_buckets" SET "registration_seq" = r."seq" FROM "registrations" r WHERE r."id" = "lsh_buckets"."registration_id";--> statement-breakpoint
ALTER TABLE "lsh_buckets" ALTER COLUMN "registration_seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "lsh_buckets" DROP CONSTRAINT "lsh_buckets_registration_id_registrations_id_fk";--> statement-breakpoint
ALTER TABLE "lsh_buckets" DROP CONSTRAINT "lsh_buckets_bucket_registration_id_pk";--> statement-breakpoint
ALTER TABLE "lsh_buckets" DROP COLUMN "registration_id";--> statement-breakpoint
ALTER TABLE "lsh_buckets" ADD CONSTRAINT "lsh_buckets_bucket_registration_seq_pk" PRIMARY KEY("bucket","registration_seq");--> statement-breakpoint
ALTER TABLE "lsh_buckets" ADD CONSTRAINT "lsh_buckets_registration_seq_registrations_seq_fk" FOREIGN KEY ("registration_seq") REFERENCES "public"."registrations"("seq") ON DELETE no action ON UPDATE no action;
