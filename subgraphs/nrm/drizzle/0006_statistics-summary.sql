CREATE TABLE "statistics_counts" (
	"year" integer NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"status" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "statistics_counts_year_dimension_key_status_pk" PRIMARY KEY("year","dimension","key","status")
);
--> statement-breakpoint
CREATE TABLE "statistics_summary" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"rebuilt_at" timestamp with time zone DEFAULT now() NOT NULL
);
