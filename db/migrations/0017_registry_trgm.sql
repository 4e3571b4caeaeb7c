-- hand-written: pg_trgm for the trigram indexes below (信息采集's search, ILIKE '%…%'); a trusted
-- extension in PostgreSQL 13+, and loaded into PGlite by db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "households_label_trgm_idx" ON "households" USING gin ("label" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "people_name_trgm_idx" ON "people" USING gin ("name" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "people_phone_trgm_idx" ON "people" USING gin ("phone" gin_trgm_ops) WITH (fastupdate=false);