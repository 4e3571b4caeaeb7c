CREATE TABLE "ticket_counters" (
	"township_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "ticket_counters_township_id_kind_year_pk" PRIMARY KEY("township_id","kind","year"),
	CONSTRAINT "ticket_counters_kind_ck" CHECK ("ticket_counters"."kind" in ('request', 'sos')),
	CONSTRAINT "ticket_counters_last_seq_ck" CHECK ("ticket_counters"."last_seq" >= 1)
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "ticket_year" integer;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "ticket_seq" integer;--> statement-breakpoint
ALTER TABLE "sos_calls" ADD COLUMN "ticket_year" integer;--> statement-breakpoint
ALTER TABLE "sos_calls" ADD COLUMN "ticket_seq" integer;--> statement-breakpoint
ALTER TABLE "ticket_counters" ADD CONSTRAINT "ticket_counters_township_id_townships_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."townships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "requests_ticket_uq" ON "requests" USING btree ("township_id","ticket_year","ticket_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "sos_calls_ticket_uq" ON "sos_calls" USING btree ("township_id","ticket_year","ticket_seq");--> statement-breakpoint
-- hand-written: 工单号 for the requests and calls made before numbers existed — numbered in
-- creation order per township and year (China time, UTC+8), the counters continue after
-- them, and only then do the columns become required (decision 016).
UPDATE "requests" AS r SET "ticket_year" = n."y", "ticket_seq" = n."seq"
  FROM (SELECT "id", "y", row_number() OVER (PARTITION BY "township_id", "y" ORDER BY "created_at", "id")::int AS "seq"
          FROM (SELECT "id", "township_id", "created_at", extract(year FROM ("created_at" AT TIME ZONE 'UTC') + interval '8 hours')::int AS "y" FROM "requests") AS x) AS n
 WHERE r."id" = n."id";--> statement-breakpoint
UPDATE "sos_calls" AS c SET "ticket_year" = n."y", "ticket_seq" = n."seq"
  FROM (SELECT "id", "y", row_number() OVER (PARTITION BY "township_id", "y" ORDER BY "created_at", "id")::int AS "seq"
          FROM (SELECT "id", "township_id", "created_at", extract(year FROM ("created_at" AT TIME ZONE 'UTC') + interval '8 hours')::int AS "y" FROM "sos_calls") AS x) AS n
 WHERE c."id" = n."id";--> statement-breakpoint
INSERT INTO "ticket_counters" ("township_id", "kind", "year", "last_seq")
  SELECT "township_id", 'request', "ticket_year", max("ticket_seq") FROM "requests" GROUP BY "township_id", "ticket_year"
  UNION ALL
  SELECT "township_id", 'sos', "ticket_year", max("ticket_seq") FROM "sos_calls" GROUP BY "township_id", "ticket_year";--> statement-breakpoint
ALTER TABLE "requests" ALTER COLUMN "ticket_year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ALTER COLUMN "ticket_seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sos_calls" ALTER COLUMN "ticket_year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sos_calls" ALTER COLUMN "ticket_seq" SET NOT NULL;
