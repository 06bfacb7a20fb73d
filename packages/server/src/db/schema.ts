// The studio's tables. After changing them, run `npx drizzle-kit generate` in packages/server to add a migration.
import { RUN_STATUSES, VERDICTS, type Contract, type TestCaseResult } from "@studio/protocol"
import { sql } from "drizzle-orm"
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core"

// The statuses are part of the API (GET /api/projects/:id/runs), so the protocol owns the list.
export { RUN_STATUSES }
export type RunStatus = (typeof RUN_STATUSES)[number]

/** A file tree: path -> contents. */
export type FileMap = Record<string, string>
/** One stored run event: any object with a `type`. */
export type StoredEvent = { type: string; [key: string]: unknown }

const id = () => uuid("id").primaryKey().defaultRandom()
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow()

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
  },
  // Emails are stored lower-cased so the unique constraint is case-insensitive.
  (t) => [check("users_email_lower_case", sql`${t.email} = lower(${t.email})`)],
)

export const projects = pgTable(
  "projects",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("projects_user_updated_idx").on(t.userId, t.updatedAt.desc())],
)

export const versions = pgTable(
  "versions",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    parentVersionId: uuid("parent_version_id").references((): AnyPgColumn => versions.id, {
      onDelete: "set null",
    }),
    prompt: text("prompt").notNull(),
    files: jsonb("files").$type<FileMap>().notNull(),
    contract: jsonb("contract").$type<Contract>(),
    report: jsonb("report").$type<Record<string, unknown>>(),
    runId: uuid("run_id").references((): AnyPgColumn => testRuns.id, { onDelete: "set null" }),
    /**
     * Tests as the spec: the job paths of the given tests among `files` (null: generated tests). A test run of the
     * version runs them in that mode, and the versions it makes keep it.
     */
    givenTests: jsonb("given_tests").$type<string[]>(),
    createdAt: createdAt(),
  },
  // The unique constraint's index also serves list-by-project and latest.
  (t) => [unique("versions_project_number_unique").on(t.projectId, t.number)],
)

export const testRuns = pgTable(
  "testrun",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    parentVersionId: uuid("parent_version_id").references((): AnyPgColumn => versions.id, {
      onDelete: "set null",
    }),
    versionId: uuid("version_id").references((): AnyPgColumn => versions.id, { onDelete: "set null" }),
    prompt: text("prompt").notNull(),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    status: text("status", { enum: RUN_STATUSES }).notNull().default("queued"),
    contract: jsonb("contract").$type<Contract>(),
    /** What the scaffold stage wrote, before execute formatted it and repair changed it (null: no scaffold ran). */
    scaffoldFiles: jsonb("scaffold_files").$type<FileMap>(),
    /** The test files as they were last run. */
    testFiles: jsonb("test_files").$type<FileMap>(),
    testResults: jsonb("test_results").$type<TestCaseResult[]>(),
    repairAttempts: integer("repair_attempts").notNull().default(0),
    success: boolean("success"),
    /** The run_finished verdict and its reasons; null while it runs (and for runs stored before 0004 without one). */
    verdict: text("verdict", { enum: VERDICTS }),
    verdictReasons: jsonb("verdict_reasons").$type<string[]>(),
    /** When it was queued. */
    createdAt: createdAt(),
    /** When a worker took it, and which (host, pid and a random part). */
    startedAt: timestamp("started_at", { withTimezone: true }),
    workerId: text("worker_id"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    check(
      "testrun_status_known",
      sql.raw(`"status" in (${RUN_STATUSES.map((status) => `'${status}'`).join(", ")})`),
    ),
    check(
      "testrun_verdict_known",
      sql.raw(`"verdict" in (${VERDICTS.map((verdict) => `'${verdict}'`).join(", ")})`),
    ),
    index("testrun_project_idx").on(t.projectId),
    // Only unfinished runs are looked up by status (at start and shutdown), so the index stays tiny.
    index("testrun_unfinished_idx")
      .on(t.status)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
)

export const runEvents = pgTable(
  "run_events",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => testRuns.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    event: jsonb("event").$type<StoredEvent>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.seq] })],
)

/**
 * The plugin registry: the seed's PluginManifest fields as columns, one row per plugin name. The built-ins are
 * upserted at every start; GET /api/plugins and a run's choice of plugins read this table.
 */
export const pluginManifests = pgTable("pluginmanifest", {
  name: text("name").primaryKey(),
  version: text("version").notNull(),
  packageName: text("package_name").notNull(),
  description: text("description").notNull(),
  inputs: jsonb("inputs").$type<string[]>().notNull(),
  outputs: jsonb("outputs").$type<string[]>().notNull(),
  command: text("command").notNull(),
  /** Estimated milliseconds of a warm run on a small component. */
  costEstimate: integer("cost_estimate").notNull(),
  compatibility: jsonb("compatibility").$type<string[]>().notNull(),
  /** "builtin": one of the studio's own tools, written at start. */
  source: text("source").notNull().default("builtin"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
})

export const studioObservations = pgTable(
  "studioobservation",
  {
    id: id(),
    runId: uuid("run_id")
      .notNull()
      .references(() => testRuns.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** sha256 of the normalised prompt (runs/prompt-hash.ts), so the insights page groups repeated prompts. */
    promptHash: text("prompt_hash").notNull(),
    /** Unified diff of the run's version against its parent version ("" when the run saved no version). */
    diffPatch: text("diff_patch").notNull(),
    testMetrics: jsonb("test_metrics").$type<Record<string, number>>().notNull(),
    latencyMs: integer("latency_ms").notNull(),
    userSatisfaction: integer("user_satisfaction"),
    createdAt: createdAt(),
  },
  (t) => [
    check("studioobservation_satisfaction_vote", sql`${t.userSatisfaction} in (-1, 1)`),
    index("studioobservation_user_created_idx").on(t.userId, t.createdAt.desc()),
  ],
)
