ALTER TABLE "testrun" DROP CONSTRAINT "testrun_status_known";--> statement-breakpoint
DROP INDEX "testrun_running_idx";--> statement-breakpoint
ALTER TABLE "testrun" ALTER COLUMN "status" SET DEFAULT 'queued';--> statement-breakpoint
ALTER TABLE "testrun" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "testrun" ADD COLUMN "worker_id" text;--> statement-breakpoint
CREATE INDEX "testrun_unfinished_idx" ON "testrun" USING btree ("status") WHERE "testrun"."status" in ('queued', 'running');--> statement-breakpoint
ALTER TABLE "testrun" ADD CONSTRAINT "testrun_status_known" CHECK ("status" in ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'));--> statement-breakpoint
-- Runs recorded before the queue started when they were created.
UPDATE "testrun" SET "started_at" = "created_at" WHERE "started_at" IS NULL;
