import { z } from "zod"
import { diagnosticSeveritySchema } from "./diagnostics"

/** Where a listed plugin comes from: one of the studio's own tools, or a folder of STUDIO_PLUGINS_DIR. */
export const PLUGIN_SOURCES = ["builtin", "custom"] as const
export const pluginSourceSchema = z.enum(PLUGIN_SOURCES)
export type PluginSource = z.infer<typeof pluginSourceSchema>

/** A custom plugin's name: a lowercase slug (letters, digits, single dashes), also its id in a run's `plugins`. */
export const pluginNameSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
    "must be a lowercase slug: a letter, then letters, digits and single dashes",
  )
  .max(40, "must be at most 40 characters")

const label = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters")
const labels = z.array(label).max(20, "at most 20 entries")

/**
 * `plugin.json`, the manifest of a custom plugin (one folder per plugin under STUDIO_PLUGINS_DIR): the seed's
 * fields, plus what running it needs.
 *
 * `command` is an argv array, never a shell line: nothing in the sandbox parses quotes or expands variables (there
 * is no shell in it). Its first entry is `"node"` (the studio's own Node) or a path inside the plugin's folder
 * (`"./bin/check"`); in any entry, a leading `$PLUGIN_DIR` becomes the folder's path, e.g.
 * `["node", "$PLUGIN_DIR/check.mjs"]`. It runs with the job's files as its working directory.
 */
export const pluginFileSchema = z.object({
  name: pluginNameSchema,
  version: z.string().trim().min(1, "must not be empty").max(50, "must be at most 50 characters"),
  description: z.string().trim().max(500, "must be at most 500 characters").default(""),
  /** The package or project the plugin is, when it is one (default: its name). */
  packageName: label.optional(),
  /** File extensions the plugin reads, e.g. [".ts", ".tsx"]. */
  inputs: z.array(z.string().regex(/^\.[\w.-]{1,20}$/, 'must be a file extension such as ".tsx"')).max(20),
  outputs: labels.default(["diagnostics"]),
  command: z
    .array(z.string().min(1, "must not be empty").max(1000))
    .min(1, 'must name a program, e.g. ["node", "$PLUGIN_DIR/check.mjs"]')
    .max(50, "at most 50 entries"),
  /** Estimated milliseconds of a run on a small component (shown in the Toolchain picker). */
  costEstimate: z.number().nonnegative("must be 0 or more").max(600_000, "must be at most 600000"),
  compatibility: labels.default([]),
  /** Wall-clock limit of one run in milliseconds (default: the sandbox's limit for a test job). */
  timeoutMs: z.int("must be a whole number").min(100, "must be at least 100").max(300_000).optional(),
})
export type PluginFile = z.output<typeof pluginFileSchema>

/** One line a custom plugin prints on stdout: a diagnostic about a job file (path relative to the job). */
export const pluginDiagnosticLineSchema = z.object({
  /** Job-relative, e.g. "src/components/Counter.tsx"; "" for the whole job. */
  path: z.string().max(500),
  line: z.int().nonnegative().default(0),
  column: z.int().nonnegative().default(0),
  message: z.string().min(1).max(10_000),
  severity: diagnosticSeveritySchema,
  ruleId: z.string().max(200).optional(),
})
export type PluginDiagnosticLine = z.output<typeof pluginDiagnosticLineSchema>
