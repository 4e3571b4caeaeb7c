CREATE TABLE "points_balances" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_balances_nonneg_ck" CHECK ("points_balances"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "points_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid,
	"courtyard_id" uuid,
	"village_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"reason_code" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"posted_by" uuid,
	"note" text,
	"counts_for_board" boolean NOT NULL,
	"month" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_ledger_amount_ck" CHECK ("points_ledger"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "points_rule_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"village_id" uuid NOT NULL,
	"event_kind" text NOT NULL,
	"old_points" integer,
	"new_points" integer,
	"old_cap" integer,
	"new_cap" integer,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "points_rules" (
	"village_id" uuid NOT NULL,
	"event_kind" text NOT NULL,
	"points" integer NOT NULL,
	"daily_cap" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_rules_village_id_event_kind_pk" PRIMARY KEY("village_id","event_kind"),
	CONSTRAINT "points_rules_cap_ck" CHECK ("points_rules"."daily_cap" is null or "points_rules"."daily_cap" > 0)
);
--> statement-breakpoint
CREATE TABLE "points_settings" (
	"village_id" uuid PRIMARY KEY NOT NULL,
	"redemption_expiry_days" integer DEFAULT 7 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "points_totals" (
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"period" text NOT NULL,
	"village_id" uuid NOT NULL,
	"township_id" uuid NOT NULL,
	"total" integer NOT NULL,
	CONSTRAINT "points_totals_kind_subject_id_period_pk" PRIMARY KEY("kind","subject_id","period"),
	CONSTRAINT "points_totals_kind_ck" CHECK ("points_totals"."kind" in ('person', 'household', 'courtyard'))
);
--> statement-breakpoint
CREATE TABLE "redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reward_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"points" integer NOT NULL,
	"pickup_code" text NOT NULL,
	"state" text DEFAULT 'reserved' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "redemptions_state_ck" CHECK ("redemptions"."state" in ('reserved', 'handed_over', 'cancelled', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"village_id" uuid NOT NULL,
	"name" text NOT NULL,
	"picture_url" text,
	"price" integer NOT NULL,
	"stock" integer NOT NULL,
	"per_person_limit" integer,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rewards_price_ck" CHECK ("rewards"."price" > 0),
	CONSTRAINT "rewards_stock_ck" CHECK ("rewards"."stock" >= 0),
	CONSTRAINT "rewards_limit_ck" CHECK ("rewards"."per_person_limit" is null or "rewards"."per_person_limit" > 0)
);
--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_role_ck";--> statement-breakpoint
ALTER TABLE "points_balances" ADD CONSTRAINT "points_balances_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_courtyard_id_courtyards_id_fk" FOREIGN KEY ("courtyard_id") REFERENCES "public"."courtyards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_posted_by_people_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_rule_changes" ADD CONSTRAINT "points_rule_changes_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_rule_changes" ADD CONSTRAINT "points_rule_changes_changed_by_people_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_rules" ADD CONSTRAINT "points_rules_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_rules" ADD CONSTRAINT "points_rules_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_settings" ADD CONSTRAINT "points_settings_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_totals" ADD CONSTRAINT "points_totals_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_totals" ADD CONSTRAINT "points_totals_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_reward_id_rewards_id_fk" FOREIGN KEY ("reward_id") REFERENCES "public"."rewards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_idem_uq" ON "points_ledger" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "points_ledger_person_idx" ON "points_ledger" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "points_ledger_household_idx" ON "points_ledger" USING btree ("household_id","created_at");--> statement-breakpoint
CREATE INDEX "points_ledger_cap_idx" ON "points_ledger" USING btree ("person_id","reason_code","created_at");--> statement-breakpoint
CREATE INDEX "points_totals_village_rank_idx" ON "points_totals" USING btree ("village_id","kind","period","total");--> statement-breakpoint
CREATE INDEX "points_totals_township_rank_idx" ON "points_totals" USING btree ("township_id","kind","period","total");--> statement-breakpoint
CREATE UNIQUE INDEX "redemptions_pickup_uq" ON "redemptions" USING btree ("pickup_code");--> statement-breakpoint
CREATE INDEX "redemptions_person_idx" ON "redemptions" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "redemptions_reward_person_idx" ON "redemptions" USING btree ("reward_id","person_id");--> statement-breakpoint
CREATE INDEX "rewards_village_idx" ON "rewards" USING btree ("village_id");--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_role_ck" CHECK ("role_assignments"."role" in ('villager', 'courtyard_head', 'cleaner', 'village_cadre', 'township_staff', 'shopkeeper'));