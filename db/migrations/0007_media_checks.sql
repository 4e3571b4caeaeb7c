CREATE TABLE "media_checks" (
	"trace_id" text PRIMARY KEY NOT NULL,
	"media_id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"label" integer,
	"created_at" timestamp with time zone NOT NULL,
	"result_at" timestamp with time zone,
	CONSTRAINT "media_checks_state_ck" CHECK ("media_checks"."state" in ('pending', 'pass', 'review', 'risky'))
);
--> statement-breakpoint
ALTER TABLE "media_checks" ADD CONSTRAINT "media_checks_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_checks_listing_idx" ON "media_checks" USING btree ("listing_id");