CREATE TABLE "bins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"village_id" uuid NOT NULL,
	"courtyard_id" uuid,
	"label" text NOT NULL,
	"code" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bins_state_ck" CHECK ("bins"."state" in ('active', 'disabled')),
	CONSTRAINT "bins_lat_ck" CHECK ("bins"."lat" between -90 and 90 and "bins"."lng" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "courtyards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"village_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"courtyard_id" uuid NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"household_id" uuid,
	"relation" text,
	"lives_alone" boolean DEFAULT false NOT NULL,
	"elderly" boolean DEFAULT false NOT NULL,
	"needs_care" boolean DEFAULT false NOT NULL,
	"is_party_member" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "townships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "villages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"township_id" uuid NOT NULL,
	"name" text NOT NULL,
	"depot_lat" double precision,
	"depot_lng" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"scope_type" text NOT NULL,
	"township_id" uuid NOT NULL,
	"village_id" uuid,
	"courtyard_id" uuid,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "role_assignments_role_ck" CHECK ("role_assignments"."role" in ('villager', 'courtyard_head', 'cleaner', 'village_cadre', 'township_staff')),
	CONSTRAINT "role_assignments_scope_ck" CHECK (("role_assignments"."scope_type" = 'township' and "role_assignments"."village_id" is null and "role_assignments"."courtyard_id" is null)
        or ("role_assignments"."scope_type" = 'village' and "role_assignments"."village_id" is not null and "role_assignments"."courtyard_id" is null)
        or ("role_assignments"."scope_type" = 'courtyard' and "role_assignments"."village_id" is not null and "role_assignments"."courtyard_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"method" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sessions_method_ck" CHECK ("sessions"."method" in ('wechat', 'dev'))
);
--> statement-breakpoint
CREATE TABLE "wechat_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"app_id" text NOT NULL,
	"openid" text NOT NULL,
	"unionid" text,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courtyard_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"courtyard_id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "join_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"courtyard_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"household_label" text NOT NULL,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lives_alone" boolean DEFAULT false NOT NULL,
	"elderly" boolean DEFAULT false NOT NULL,
	"needs_care" boolean DEFAULT false NOT NULL,
	"reason" text,
	"household_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "join_requests_state_ck" CHECK ("join_requests"."state" in ('pending', 'approved', 'rejected', 'withdrawn', 'expired')),
	CONSTRAINT "join_requests_reason_ck" CHECK ("join_requests"."state" <> 'rejected' or "join_requests"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"actor" text NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"state" text DEFAULT 'in_progress' NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "idempotency_keys_actor_key_pk" PRIMARY KEY("actor","key"),
	CONSTRAINT "idempotency_keys_state_ck" CHECK ("idempotency_keys"."state" in ('in_progress', 'done'))
);
--> statement-breakpoint
ALTER TABLE "bins" ADD CONSTRAINT "bins_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bins" ADD CONSTRAINT "bins_courtyard_id_courtyards_id_fk" FOREIGN KEY ("courtyard_id") REFERENCES "public"."courtyards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courtyards" ADD CONSTRAINT "courtyards_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_courtyard_id_courtyards_id_fk" FOREIGN KEY ("courtyard_id") REFERENCES "public"."courtyards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_courtyard_id_courtyards_id_fk" FOREIGN KEY ("courtyard_id") REFERENCES "public"."courtyards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_granted_by_people_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wechat_identities" ADD CONSTRAINT "wechat_identities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courtyard_invitations" ADD CONSTRAINT "courtyard_invitations_courtyard_id_courtyards_id_fk" FOREIGN KEY ("courtyard_id") REFERENCES "public"."courtyards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courtyard_invitations" ADD CONSTRAINT "courtyard_invitations_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_courtyard_id_courtyards_id_fk" FOREIGN KEY ("courtyard_id") REFERENCES "public"."courtyards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_invitation_id_courtyard_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."courtyard_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bins_code_uq" ON "bins" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "bins_village_label_uq" ON "bins" USING btree ("village_id","label");--> statement-breakpoint
CREATE INDEX "courtyards_village_idx" ON "courtyards" USING btree ("village_id");--> statement-breakpoint
CREATE UNIQUE INDEX "courtyards_village_name_uq" ON "courtyards" USING btree ("village_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "households_courtyard_label_uq" ON "households" USING btree ("courtyard_id","label");--> statement-breakpoint
CREATE INDEX "people_household_idx" ON "people" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "villages_township_idx" ON "villages" USING btree ("township_id");--> statement-breakpoint
CREATE INDEX "role_assignments_person_idx" ON "role_assignments" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_active_uq" ON "role_assignments" USING btree ("person_id","role","scope_type",coalesce("courtyard_id", "village_id", "township_id")) WHERE "role_assignments"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_one_home_uq" ON "role_assignments" USING btree ("person_id") WHERE "role_assignments"."role" = 'villager' and "role_assignments"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_uq" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_person_idx" ON "sessions" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wechat_identities_app_openid_uq" ON "wechat_identities" USING btree ("app_id","openid");--> statement-breakpoint
CREATE INDEX "wechat_identities_person_idx" ON "wechat_identities" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "courtyard_invitations_code_uq" ON "courtyard_invitations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "courtyard_invitations_courtyard_idx" ON "courtyard_invitations" USING btree ("courtyard_id");--> statement-breakpoint
CREATE UNIQUE INDEX "join_requests_one_pending_uq" ON "join_requests" USING btree ("person_id") WHERE "join_requests"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "join_requests_courtyard_state_idx" ON "join_requests" USING btree ("courtyard_id","state","created_at");