CREATE TABLE "household_party_links" (
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_party_links_household_id_person_id_pk" PRIMARY KEY("household_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"request_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"from_level" text,
	"to_level" text,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_settings" (
	"village_id" uuid PRIMARY KEY NOT NULL,
	"accept_hours" integer NOT NULL,
	"resolve_hours" integer NOT NULL,
	"reopen_days" integer NOT NULL,
	"sos_ack_minutes" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_settings_ranges_ck" CHECK ("request_settings"."accept_hours" between 1 and 720 and "request_settings"."resolve_hours" between 1 and 8760
      and "request_settings"."reopen_days" between 0 and 90 and "request_settings"."sos_ack_minutes" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requester_id" uuid NOT NULL,
	"household_id" uuid,
	"courtyard_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"place" text,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"state" text NOT NULL,
	"level" text NOT NULL,
	"handler_id" uuid,
	"sla_seq" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"rating" integer,
	"rating_comment" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "requests_state_ck" CHECK ("requests"."state" in ('submitted', 'accepted', 'escalated_village', 'escalated_township', 'resolved', 'closed', 'withdrawn')),
	CONSTRAINT "requests_level_ck" CHECK ("requests"."level" in ('private', 'courtyard', 'village', 'township')),
	CONSTRAINT "requests_category_ck" CHECK ("requests"."category" in ('dispute', 'sanitation', 'infrastructure', 'help', 'policy', 'other')),
	CONSTRAINT "requests_rating_ck" CHECK ("requests"."rating" is null or "requests"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "sos_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"caller_id" uuid NOT NULL,
	"household_id" uuid,
	"courtyard_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"address" text NOT NULL,
	"phone" text,
	"state" text NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"ack_by" uuid,
	"ack_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sos_calls_state_ck" CHECK ("sos_calls"."state" in ('open', 'acknowledged', 'cancelled', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "sos_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"call_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"step" integer NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sos_recipients" (
	"call_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"why" text NOT NULL,
	CONSTRAINT "sos_recipients_call_id_person_id_pk" PRIMARY KEY("call_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "sos_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "household_party_links" ADD CONSTRAINT "household_party_links_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_party_links" ADD CONSTRAINT "household_party_links_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_settings" ADD CONSTRAINT "request_settings_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_settings" ADD CONSTRAINT "request_settings_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_requester_id_people_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_courtyard_id_courtyards_id_fk" FOREIGN KEY ("courtyard_id") REFERENCES "public"."courtyards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_handler_id_people_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sos_calls" ADD CONSTRAINT "sos_calls_caller_id_people_id_fk" FOREIGN KEY ("caller_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sos_calls" ADD CONSTRAINT "sos_calls_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sos_calls" ADD CONSTRAINT "sos_calls_courtyard_id_courtyards_id_fk" FOREIGN KEY ("courtyard_id") REFERENCES "public"."courtyards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sos_calls" ADD CONSTRAINT "sos_calls_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sos_calls" ADD CONSTRAINT "sos_calls_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sos_calls" ADD CONSTRAINT "sos_calls_ack_by_people_id_fk" FOREIGN KEY ("ack_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sos_events" ADD CONSTRAINT "sos_events_call_id_sos_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."sos_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sos_events" ADD CONSTRAINT "sos_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sos_recipients" ADD CONSTRAINT "sos_recipients_call_id_sos_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."sos_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sos_recipients" ADD CONSTRAINT "sos_recipients_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_party_links_person_idx" ON "household_party_links" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","seq");--> statement-breakpoint
CREATE INDEX "request_messages_request_idx" ON "request_messages" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "requests_requester_idx" ON "requests" USING btree ("requester_id","created_at");--> statement-breakpoint
CREATE INDEX "requests_courtyard_idx" ON "requests" USING btree ("courtyard_id","state");--> statement-breakpoint
CREATE INDEX "requests_village_idx" ON "requests" USING btree ("village_id","created_at");--> statement-breakpoint
CREATE INDEX "requests_township_idx" ON "requests" USING btree ("township_id","level","state");--> statement-breakpoint
CREATE UNIQUE INDEX "sos_calls_one_live_uq" ON "sos_calls" USING btree ("caller_id") WHERE "sos_calls"."state" in ('open', 'acknowledged');--> statement-breakpoint
CREATE INDEX "sos_calls_village_idx" ON "sos_calls" USING btree ("village_id","state");--> statement-breakpoint
CREATE INDEX "sos_events_call_idx" ON "sos_events" USING btree ("call_id","seq");--> statement-breakpoint
CREATE INDEX "sos_recipients_person_idx" ON "sos_recipients" USING btree ("person_id");--> statement-breakpoint
-- Timelines and threads are records: nobody edits or deletes them, not even the app.
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "request_events_append_only" BEFORE UPDATE OR DELETE ON "request_events" FOR EACH ROW EXECUTE FUNCTION "refuse_change"();--> statement-breakpoint
CREATE TRIGGER "request_messages_append_only" BEFORE UPDATE OR DELETE ON "request_messages" FOR EACH ROW EXECUTE FUNCTION "refuse_change"();--> statement-breakpoint
CREATE TRIGGER "sos_events_append_only" BEFORE UPDATE OR DELETE ON "sos_events" FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
