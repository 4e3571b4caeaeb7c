CREATE TABLE "rate_counters" (
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_counters_bucket_window_start_pk" PRIMARY KEY("bucket","window_start"),
	CONSTRAINT "rate_counters_nonneg_ck" CHECK ("rate_counters"."count" >= 0 and "rate_counters"."bytes" >= 0)
);
--> statement-breakpoint
-- Codes cached before env_version was recorded may be a trial build's: drop them, they regenerate.
DELETE FROM "bin_code_images";--> statement-breakpoint
ALTER TABLE "bin_code_images" DROP CONSTRAINT "bin_code_images_pkey";--> statement-breakpoint
ALTER TABLE "bin_code_images" ADD COLUMN "env_version" text NOT NULL;--> statement-breakpoint
ALTER TABLE "bin_code_images" ADD CONSTRAINT "bin_code_images_bin_id_env_version_pk" PRIMARY KEY("bin_id","env_version");--> statement-breakpoint
ALTER TABLE "bin_code_images" ADD CONSTRAINT "bin_code_images_env_ck" CHECK ("bin_code_images"."env_version" in ('release', 'trial', 'develop'));