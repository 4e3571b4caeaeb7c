CREATE TABLE "media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"village_id" uuid,
	"courtyard_id" uuid,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "media_type_ck" CHECK ("media"."content_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "media_size_ck" CHECK ("media"."size" > 0 and "media"."size" <= 716800)
);
--> statement-breakpoint
ALTER TABLE "bin_report_reporters" ADD COLUMN "photo_id" uuid;--> statement-breakpoint
ALTER TABLE "bin_reports" ADD COLUMN "close_photo_id" uuid;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_courtyard_id_courtyards_id_fk" FOREIGN KEY ("courtyard_id") REFERENCES "public"."courtyards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_owner_idx" ON "media" USING btree ("owner_id","created_at");--> statement-breakpoint
ALTER TABLE "bin_report_reporters" ADD CONSTRAINT "bin_report_reporters_photo_id_media_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."media"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bin_reports" ADD CONSTRAINT "bin_reports_close_photo_id_media_id_fk" FOREIGN KEY ("close_photo_id") REFERENCES "public"."media"("id") ON DELETE no action ON UPDATE no action;