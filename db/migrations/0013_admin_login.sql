CREATE TABLE "admin_login_tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"device" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"scanned_by" uuid,
	"scanned_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"session_id" uuid,
	CONSTRAINT "admin_login_tickets_state_ck" CHECK ("admin_login_tickets"."state" in ('pending', 'scanned', 'confirmed', 'consumed', 'cancelled', 'expired')),
	CONSTRAINT "admin_login_tickets_scan_ck" CHECK ("admin_login_tickets"."state" in ('pending', 'expired', 'cancelled') or "admin_login_tickets"."scanned_by" is not null)
);
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_method_ck";--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "device" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "admin_login_tickets" ADD CONSTRAINT "admin_login_tickets_scanned_by_people_id_fk" FOREIGN KEY ("scanned_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_login_tickets" ADD CONSTRAINT "admin_login_tickets_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_login_tickets_created_idx" ON "admin_login_tickets" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_method_ck" CHECK ("sessions"."method" in ('wechat', 'dev', 'qr'));