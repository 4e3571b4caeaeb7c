CREATE TABLE "job_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"note" text NOT NULL,
	"state" text DEFAULT 'applied' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "job_applications_state_ck" CHECK ("job_applications"."state" in ('applied', 'accepted', 'declined', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "job_work_records" (
	"application_id" uuid NOT NULL,
	"side" text NOT NULL,
	"person_id" uuid NOT NULL,
	"days" numeric(5, 1) NOT NULL,
	"pay_fen" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "job_work_records_side_ck" CHECK ("job_work_records"."side" in ('worker', 'poster'))
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"poster_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"courtyard_id" uuid,
	"township_id" uuid NOT NULL,
	"employer_kind" text NOT NULL,
	"employer_name" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"pay_fen" integer NOT NULL,
	"pay_unit" text NOT NULL,
	"job_place" text NOT NULL,
	"start_date" text NOT NULL,
	"end_date" text NOT NULL,
	"headcount" integer NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"content_check" text,
	"content_label" integer,
	"content_trace_id" text,
	"reject_reason" text,
	"reviewed_by" uuid,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "jobs_state_ck" CHECK ("jobs"."state" in ('draft', 'pending_review', 'published', 'filled', 'closed', 'rejected', 'expired')),
	CONSTRAINT "jobs_headcount_ck" CHECK ("jobs"."accepted" >= 0 and "jobs"."accepted" <= "jobs"."headcount"),
	CONSTRAINT "jobs_kind_ck" CHECK ("jobs"."employer_kind" in ('villager', 'cooperative', 'village')),
	CONSTRAINT "jobs_pay_unit_ck" CHECK ("jobs"."pay_unit" in ('day', 'hour', 'piece'))
);
--> statement-breakpoint
CREATE TABLE "listing_intents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"buyer_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"phone" text NOT NULL,
	"note" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "listing_intents_state_ck" CHECK ("listing_intents"."state" in ('pending', 'accepted', 'declined', 'cancelled')),
	CONSTRAINT "listing_intents_quantity_ck" CHECK ("listing_intents"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seller_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"courtyard_id" uuid,
	"township_id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"price_fen" integer NOT NULL,
	"unit" text NOT NULL,
	"quantity" integer NOT NULL,
	"pickup_note" text NOT NULL,
	"contact_pref" text NOT NULL,
	"state" text NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"content_check" text,
	"content_label" integer,
	"content_trace_id" text,
	"reject_reason" text,
	"reviewed_by" uuid,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "listings_state_ck" CHECK ("listings"."state" in ('draft', 'pending_review', 'published', 'sold_out', 'closed', 'rejected', 'expired')),
	CONSTRAINT "listings_quantity_ck" CHECK ("listings"."quantity" >= 0),
	CONSTRAINT "listings_price_ck" CHECK ("listings"."price_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "job_applications" ADD CONSTRAINT "job_applications_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_applications" ADD CONSTRAINT "job_applications_worker_id_people_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_work_records" ADD CONSTRAINT "job_work_records_application_id_job_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."job_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_work_records" ADD CONSTRAINT "job_work_records_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_poster_id_people_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_courtyard_id_courtyards_id_fk" FOREIGN KEY ("courtyard_id") REFERENCES "public"."courtyards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_reviewed_by_people_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_intents" ADD CONSTRAINT "listing_intents_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_intents" ADD CONSTRAINT "listing_intents_buyer_id_people_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_seller_id_people_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_courtyard_id_courtyards_id_fk" FOREIGN KEY ("courtyard_id") REFERENCES "public"."courtyards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_reviewed_by_people_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_applications_one_live_uq" ON "job_applications" USING btree ("job_id","worker_id") WHERE "job_applications"."state" in ('applied', 'accepted');--> statement-breakpoint
CREATE INDEX "job_applications_worker_idx" ON "job_applications" USING btree ("worker_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "job_work_records_side_uq" ON "job_work_records" USING btree ("application_id","side");--> statement-breakpoint
CREATE INDEX "jobs_browse_idx" ON "jobs" USING btree ("state","published_at");--> statement-breakpoint
CREATE INDEX "jobs_poster_idx" ON "jobs" USING btree ("poster_id","created_at");--> statement-breakpoint
CREATE INDEX "jobs_review_idx" ON "jobs" USING btree ("village_id","state");--> statement-breakpoint
CREATE INDEX "listing_intents_listing_idx" ON "listing_intents" USING btree ("listing_id","created_at");--> statement-breakpoint
CREATE INDEX "listing_intents_buyer_idx" ON "listing_intents" USING btree ("buyer_id","created_at");--> statement-breakpoint
CREATE INDEX "listings_browse_idx" ON "listings" USING btree ("state","featured","published_at");--> statement-breakpoint
CREATE INDEX "listings_seller_idx" ON "listings" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "listings_review_idx" ON "listings" USING btree ("village_id","state");