CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp (3) with time zone NOT NULL,
	"request_id" text NOT NULL,
	"subject" text NOT NULL,
	"agency" text NOT NULL,
	"roles" text[] NOT NULL,
	"purpose" text,
	"operation" text,
	"victim_ids" text[] NOT NULL,
	"fields" text[] NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE INDEX "audit_log_victim_ids_index" ON "audit_log" USING gin ("victim_ids");