CREATE TABLE "oa_followers" (
	"openid" text PRIMARY KEY NOT NULL,
	"unionid" text,
	"following" boolean NOT NULL,
	"stale_reason" text,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"notification_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"detail" text,
	"attempted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_deliveries_notification_id_channel_pk" PRIMARY KEY("notification_id","channel"),
	CONSTRAINT "notification_deliveries_channel_ck" CHECK ("notification_deliveries"."channel" in ('long_term', 'oa', 'one_time', 'sms')),
	CONSTRAINT "notification_deliveries_state_ck" CHECK ("notification_deliveries"."state" in ('sending', 'sent', 'refused', 'failed', 'unknown', 'skipped'))
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "ack_key" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "step" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "step_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscription_credits" ADD COLUMN "long_term_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oa_followers_unionid_idx" ON "oa_followers" USING btree ("unionid");--> statement-breakpoint
CREATE INDEX "wechat_identities_unionid_idx" ON "wechat_identities" USING btree ("unionid");--> statement-breakpoint
CREATE INDEX "notifications_ack_idx" ON "notifications" USING btree ("ack_key","recipient_id");--> statement-breakpoint
CREATE INDEX "notifications_step_due_idx" ON "notifications" USING btree ("step_due_at") WHERE "notifications"."step_due_at" is not null;