ALTER TABLE "link_reviews" ADD COLUMN "match_weight" double precision;--> statement-breakpoint
ALTER TABLE "link_reviews" ADD COLUMN "fields" jsonb;