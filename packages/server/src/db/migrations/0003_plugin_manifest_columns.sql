-- The plugin registry gets the seed's PluginManifest fields as columns, keyed by name. Its rows are the built-ins,
-- written again at every start, so the old (id, manifest jsonb) rows are dropped rather than converted.
DELETE FROM "pluginmanifest";--> statement-breakpoint
ALTER TABLE "pluginmanifest" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "pluginmanifest" DROP COLUMN "manifest";--> statement-breakpoint
ALTER TABLE "pluginmanifest" ADD COLUMN "name" text PRIMARY KEY NOT NULL;--> statement-breakpoint
ALTER TABLE "pluginmanifest" ADD COLUMN "version" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pluginmanifest" ADD COLUMN "package_name" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pluginmanifest" ADD COLUMN "description" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pluginmanifest" ADD COLUMN "inputs" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "pluginmanifest" ADD COLUMN "outputs" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "pluginmanifest" ADD COLUMN "command" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pluginmanifest" ADD COLUMN "cost_estimate" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "pluginmanifest" ADD COLUMN "compatibility" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "pluginmanifest" ADD COLUMN "source" text DEFAULT 'builtin' NOT NULL;
