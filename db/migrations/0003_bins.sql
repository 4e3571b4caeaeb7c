CREATE TABLE "bin_cleaners" (
	"bin_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bin_cleaners_bin_id_person_id_pk" PRIMARY KEY("bin_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "bin_code_images" (
	"bin_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bin_report_reporters" (
	"report_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"bin_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bin_report_reporters_report_id_person_id_pk" PRIMARY KEY("report_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "bin_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bin_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"kind" text DEFAULT 'full' NOT NULL,
	"reporters" integer DEFAULT 0 NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "bin_reports_state_ck" CHECK ("bin_reports"."state" in ('open', 'cleaned', 'false')),
	CONSTRAINT "bin_reports_kind_ck" CHECK ("bin_reports"."kind" in ('full', 'overflow', 'damaged', 'smell'))
);
--> statement-breakpoint
ALTER TABLE "bin_cleaners" ADD CONSTRAINT "bin_cleaners_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bin_cleaners" ADD CONSTRAINT "bin_cleaners_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bin_code_images" ADD CONSTRAINT "bin_code_images_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bin_report_reporters" ADD CONSTRAINT "bin_report_reporters_report_id_bin_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."bin_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bin_report_reporters" ADD CONSTRAINT "bin_report_reporters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bin_report_reporters" ADD CONSTRAINT "bin_report_reporters_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bin_reports" ADD CONSTRAINT "bin_reports_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bin_reports" ADD CONSTRAINT "bin_reports_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bin_reports" ADD CONSTRAINT "bin_reports_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bin_cleaners_person_idx" ON "bin_cleaners" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "bin_report_reporters_person_idx" ON "bin_report_reporters" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "bin_report_reporters_person_bin_idx" ON "bin_report_reporters" USING btree ("person_id","bin_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bin_reports_one_open_uq" ON "bin_reports" USING btree ("bin_id") WHERE "bin_reports"."state" = 'open';--> statement-breakpoint
CREATE INDEX "bin_reports_village_idx" ON "bin_reports" USING btree ("village_id","opened_at");