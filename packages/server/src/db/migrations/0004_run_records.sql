-- A run's record keeps its verdict (and why it is not proven) beside `success`. Runs that already stored a
-- run_finished with a verdict get it from there (the last one, by seq); older runs stay null and are read with
-- today's rule from their events (runs/run-verdicts.ts).
ALTER TABLE "testrun" ADD COLUMN "verdict" text;--> statement-breakpoint
ALTER TABLE "testrun" ADD COLUMN "verdict_reasons" jsonb;--> statement-breakpoint
UPDATE "testrun" SET "verdict" = "finished"."verdict", "verdict_reasons" = "finished"."reasons"
FROM (
  SELECT DISTINCT ON ("run_id") "run_id", "event"->>'verdict' AS "verdict",
    CASE WHEN jsonb_typeof("event"->'reasons') = 'array' THEN "event"->'reasons' ELSE '[]'::jsonb END AS "reasons"
  FROM "run_events"
  WHERE "type" = 'run_finished' AND "event"->>'verdict' IN ('proven', 'failed', 'unverified')
  ORDER BY "run_id", "seq" DESC
) AS "finished"
WHERE "finished"."run_id" = "testrun"."id";--> statement-breakpoint
ALTER TABLE "testrun" ADD CONSTRAINT "testrun_verdict_known" CHECK ("verdict" in ('proven', 'failed', 'unverified'));
