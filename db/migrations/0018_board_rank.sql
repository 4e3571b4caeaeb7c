DROP INDEX "points_totals_village_rank_idx";--> statement-breakpoint
DROP INDEX "points_totals_township_rank_idx";--> statement-breakpoint
CREATE INDEX "role_assignments_active_role_idx" ON "role_assignments" USING btree ("role","person_id") WHERE "role_assignments"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "points_totals_village_rank_idx" ON "points_totals" USING btree ("village_id","kind","period","total" DESC NULLS FIRST,"subject_id");--> statement-breakpoint
CREATE INDEX "points_totals_township_rank_idx" ON "points_totals" USING btree ("township_id","kind","period","total" DESC NULLS FIRST,"subject_id");--> statement-breakpoint
-- hand-written: every posting updates points_totals rows; vacuum them after 2% changed rows
-- instead of 20% so the visibility map stays set and the rank counts stay index-only (a page
-- changed since the last vacuum costs the count a visit to the table).
ALTER TABLE "points_totals" SET (autovacuum_vacuum_scale_factor = 0.02);
