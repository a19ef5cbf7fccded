ALTER TABLE "referrals" ADD COLUMN "sent_by" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "answered_by" text;