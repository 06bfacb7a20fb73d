import { z } from "zod"
import { contractSchema } from "./contract"
import { diagnosticSchema } from "./diagnostics"
import { errorCodeSchema } from "./errors"
import { studioEventSchema } from "./events"
import { testCaseResultSchema } from "./exec-result"
import { pluginSourceSchema } from "./plugin-file"
import { verdictSchema } from "./verdict"

/** Limits every side checks: the server refuses more, the web app stops the person before sending. */
export const API_LIMITS = {
  promptChars: 8_000,
  /** Test files a person may give as the spec of a run (tests as the spec), and the size of each. */
  testFiles: 3,
  testFileChars: 16_000,
  /** One WebSocket message from a client. */
  wsMessageBytes: 64 * 1024,
  /** One REST request body (edited files included). */
  bodyBytes: 1024 * 1024,
  projectNameChars: 120,
  emailChars: 254,
  passwordMinChars: 8,
  passwordMaxChars: 256,
} as const

const id = z.uuid()

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * Text the studio stores: no NUL character and no lone surrogate, which PostgreSQL's text and jsonb refuse (an
 * insert would fail after the request was accepted). Refused up front with a clear message instead.
 */
export function storableText() {
  return z.string().refine((text) => !text.includes("\0") && !LONE_SURROGATE.test(text), {
    message: "must not contain NUL characters or unpaired surrogates",
  })
}

/** A given test's file name: a bare `<name>.test.<ext>` (or `.spec.`), placed beside the component it imports. */
const GIVEN_TEST_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}\.(test|spec)\.(js|jsx|ts|tsx)$/

/** One test file a person gives as the spec of a run (WebApp1K-style Jest files work as written). */
export const givenTestFileSchema = z.object({
  name: z
    .string()
    .regex(GIVEN_TEST_NAME, "a test file name must look like Counter.test.js (.js, .jsx, .ts or .tsx)"),
  content: storableText()
    .refine((content) => content.trim() !== "", "the test file is empty")
    .refine((content) => content.length <= API_LIMITS.testFileChars, {
      message: `a test file may have at most ${API_LIMITS.testFileChars} characters`,
    }),
})
export type GivenTestFile = z.infer<typeof givenTestFileSchema>

/** The tests of a run that has them as its spec: one to `API_LIMITS.testFiles` files with distinct names. */
export const givenTestsSchema = z
  .array(givenTestFileSchema)
  .min(1, "give at least one test file")
  .max(API_LIMITS.testFiles, `at most ${API_LIMITS.testFiles} test files`)
  .refine(
    (files) => new Set(files.map((file) => file.name)).size === files.length,
    "test file names must differ",
  )

/** A request that has tests needs no prompt; one without needs a prompt. */
export function requirePromptOrTests(
  request: { prompt?: string | undefined; tests?: readonly unknown[] | undefined },
  context: z.RefinementCtx,
): void {
  if ((request.prompt ?? "") === "" && (request.tests ?? []).length === 0)
    context.addIssue({ code: "custom", path: ["prompt"], message: "the prompt is empty" })
}

// --- REST -------------------------------------------------------------------------------------------------------

export const credentialsSchema = z.object({
  email: z.email().max(API_LIMITS.emailChars),
  password: z.string().min(1).max(API_LIMITS.passwordMaxChars),
})
export type Credentials = z.infer<typeof credentialsSchema>

export const userSchema = z.object({ id, email: z.string(), createdAt: z.string() })
export type User = z.infer<typeof userSchema>

export const authResponseSchema = z.object({ token: z.string(), user: userSchema })
export type AuthResponse = z.infer<typeof authResponseSchema>

export const projectSchema = z.object({
  id,
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Project = z.infer<typeof projectSchema>

export const createProjectSchema = z.object({
  name: storableText().trim().min(1).max(API_LIMITS.projectNameChars),
})

/** A version as listed: no files. */
export const versionSummarySchema = z.object({
  id,
  projectId: id,
  number: z.number().int().positive(),
  parentVersionId: id.nullable(),
  prompt: z.string(),
  runId: id.nullable(),
  /** `verdict === "proven"`; null for a version saved without a report. */
  success: z.boolean().nullable(),
  /** What the version's run proved; null for a version saved without a report. */
  verdict: verdictSchema.nullable(),
  /** Why the verdict is not `proven`; empty when it is or there is no report. */
  reasons: z.array(z.string()),
  createdAt: z.string(),
  /**
   * Tests as the spec: the paths of the given tests among the version's files (its preview, test runs and export run
   * in that mode). Absent: the version's tests were generated.
   */
  givenTests: z.array(z.string()).optional(),
})
export type VersionSummary = z.infer<typeof versionSummarySchema>

export const requirementReportSchema = z.object({
  id: z.string(),
  text: z.string(),
  met: z.boolean(),
  tests: z.array(z.object({ name: z.string(), status: z.string() })),
})

/** What a run proved, stored with its version. */
export const versionReportSchema = z.object({
  verdict: verdictSchema,
  /** Why the verdict is not `proven`; empty when it is. */
  reasons: z.array(z.string()),
  /** `verdict === "proven"`. */
  success: z.boolean(),
  provider: z.string(),
  model: z.string(),
  requirements: z.array(requirementReportSchema),
  tests: z.array(testCaseResultSchema),
  metrics: z
    .object({
      durations: z.record(z.string(), z.number()),
      tokens: z.object({ prompt: z.number(), completion: z.number() }),
      repairAttempts: z.number(),
    })
    .optional(),
  errors: z.array(z.object({ code: z.string(), message: z.string() })),
})
export type VersionReport = z.infer<typeof versionReportSchema>

export const versionSchema = versionSummarySchema.extend({
  files: z.record(z.string(), z.string()),
  contract: contractSchema.nullable(),
  report: versionReportSchema.nullable(),
  css: z.string().optional(),
})
export type Version = z.infer<typeof versionSchema>

export const feedbackSchema = z.object({ satisfaction: z.union([z.literal(1), z.literal(-1)]) })

/** How much a run's version changed against its parent: files touched and lines added and removed. */
export const diffSizeSchema = z.object({
  files: z.number().int().nonnegative(),
  additions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
})
export type DiffSize = z.infer<typeof diffSizeSchema>

/** A run's outcome as measured for the insights page; `testMetrics` holds counts and `<stage>Ms` durations. */
export const observationSchema = z.object({
  id,
  runId: id,
  projectId: id,
  /** The run's prompt as recorded (a follow-up's describes the change). */
  prompt: z.string(),
  /** sha256 of the normalised prompt: runs of one prompt typed again share it. */
  promptHash: z.string(),
  /** The version the run started from; null for a first version. */
  parentVersionId: id.nullable(),
  /** The run's version against its parent (a first version: every line added); all 0 when it saved none. */
  diff: diffSizeSchema,
  testMetrics: z.record(z.string(), z.number()),
  /** What the run proved (the insights page's Passed is `proven` only); null when it never finished. */
  verdict: verdictSchema.nullable(),
  latencyMs: z.number(),
  userSatisfaction: z.number().nullable(),
  createdAt: z.string(),
})
export type Observation = z.infer<typeof observationSchema>

/** A toolchain plugin as `GET /api/plugins` lists it. */
export const pluginManifestSchema = z.object({
  name: z.string(),
  packageName: z.string(),
  version: z.string(),
  description: z.string(),
  inputs: z.array(z.string()),
  outputs: z.array(z.string()),
  command: z.string(),
  /** Estimated milliseconds of a warm run on a small component. */
  costEstimate: z.number(),
  compatibility: z.array(z.string()),
  /** "custom": a plugin from STUDIO_PLUGINS_DIR (its `command` is its argv, joined); older servers send none. */
  source: pluginSourceSchema.default("builtin"),
})
export type PluginManifestInfo = z.infer<typeof pluginManifestSchema>

/** A component's files, keyed by project-relative path (`src/components/Name.tsx`). */
export const projectFilesSchema = z
  .record(storableText().min(1).max(200), storableText())
  .refine((files) => Object.keys(files).length <= 60, "at most 60 files")

/** `POST /api/preview`: build the preview page for some files (edited or stored). */
export const previewRequestSchema = z.object({
  files: projectFilesSchema,
  /** Path of the component to render; found from the files when omitted. */
  entry: z.string().max(200).optional(),
  props: z.record(z.string(), z.unknown()).optional(),
  /** The studio page's origin: the preview accepts messages only from it. Must be an origin the server allows. */
  parentOrigin: z.url().max(200),
  /**
   * Tests as the spec: the version's `givenTests` (paths among the files). Then those test files may be among the
   * files and the component may import what such a version may (react-router-dom).
   */
  givenTests: z
    .array(z.string().max(200))
    .max(API_LIMITS.testFiles, `at most ${API_LIMITS.testFiles} test files`)
    .optional(),
})
export type PreviewRequest = z.infer<typeof previewRequestSchema>

/**
 * Where a built preview page is served: `GET /preview/<id>`, on the studio's own origin, without sign-in (an iframe
 * cannot send the token), for a few minutes. The id is the capability, so it is long and random.
 */
export const previewPageUrlSchema = z
  .string()
  .regex(/^\/preview\/[A-Za-z0-9_-]{22,86}$/, "must be a /preview/<id> path on the studio's origin")

/** `POST /api/preview` answer: the page's address (load it in the sandboxed iframe) and what the build said. */
export const previewResponseSchema = z.object({
  url: previewPageUrlSchema,
  /** When the page stops being served (ISO time); a later load is a 404 and needs a new build. */
  expiresAt: z.string(),
  diagnostics: z.array(diagnosticSchema),
})
export type PreviewResponse = z.infer<typeof previewResponseSchema>

/** `POST /api/versions/:id/test-runs`: run the execute stage on edited files; the run saves them as a new version. */
export const testRunRequestSchema = z.object({ files: projectFilesSchema })
export type TestRunRequest = z.infer<typeof testRunRequestSchema>

/** `202` answer of the routes that start a run; its events come over the socket (`subscribe`) or REST. */
export const runAcceptedSchema = z.object({ runId: id })

/** `queued`: recorded and waiting for a worker (or for one of the user's other runs to end). */
export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled", "interrupted"] as const

/** A run as `GET /api/projects/:id/runs` lists it (newest first), so a reloaded page can find one still running. */
export const runSummarySchema = z.object({
  id,
  status: z.enum(RUN_STATUSES),
  prompt: z.string(),
  parentVersionId: id.nullable(),
  versionId: id.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
})
export type RunSummary = z.infer<typeof runSummarySchema>

/** A run as `GET /api/runs/:id` answers it: its summary plus who generated it and what it proved. */
export const runSchema = runSummarySchema.extend({
  projectId: id,
  provider: z.string(),
  model: z.string(),
  /** `verdict === "proven"`; null while it runs. */
  success: z.boolean().nullable(),
  verdict: verdictSchema.nullable(),
  reasons: z.array(z.string()),
  repairAttempts: z.number().int().nonnegative(),
  /** The worker that ran it (host, pid and a random part); null until one takes it. */
  workerId: z.string().nullable(),
  /** When it was recorded and queued (its `createdAt`), and when a worker started it (null while queued). */
  queuedAt: z.string(),
  startedAt: z.string().nullable(),
})
export type Run = z.infer<typeof runSchema>

/** `GET /readyz`: 200 when the database (and Redis) answer, 503 when not; both say how generated code is contained. */
export const readinessSchema = z.object({
  ok: z.boolean(),
  sandbox: z.object({
    level: z.string(),
    backend: z.string(),
    runsUntrustedCode: z.boolean(),
  }),
})
export type Readiness = z.infer<typeof readinessSchema>

export const apiErrorSchema = z.object({
  error: z.object({ code: errorCodeSchema, message: z.string(), retryAfterMs: z.number().optional() }),
})
export type ApiError = z.infer<typeof apiErrorSchema>

// --- WebSocket ----------------------------------------------------------------------------------------------------

/** The subprotocol of the studio's WebSocket; a token may travel beside it as `bearer.<jwt>`. */
export const WS_PROTOCOL = "studio.v1"

const generateMessageFields = z.object({
  type: z.literal("generate"),
  /** Echoed back in `run_accepted`, so a client can match its request to the run. */
  requestId: storableText().max(100).optional(),
  projectId: id,
  /** May be empty when tests are given: they are the spec. */
  prompt: storableText().trim().max(API_LIMITS.promptChars).default(""),
  parentVersionId: id.optional(),
  plugins: z.array(storableText().max(40)).max(20).optional(),
  /** Tests as the spec: the run makes them pass, used verbatim and never changed. */
  tests: givenTestsSchema.optional(),
})

export const generateMessageSchema = generateMessageFields.superRefine(requirePromptOrTests)

export const clientMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("auth"), token: z.string().max(4096) }),
  generateMessageSchema,
  z.object({ type: z.literal("cancel"), runId: id }),
  z.object({ type: z.literal("subscribe"), runId: id, afterSeq: z.number().int().min(-1).default(-1) }),
  z.object({ type: z.literal("ping"), ts: z.number().optional() }),
])
export type ClientMessage = z.infer<typeof clientMessageSchema>
export type GenerateMessage = z.infer<typeof generateMessageSchema>

/** `POST /api/runs`: a generation over REST, for clients without a socket (the socket's `generate` without `type`). */
export const startRunRequestSchema = generateMessageFields
  .omit({ type: true })
  .superRefine(requirePromptOrTests)
export type StartRunRequest = z.infer<typeof startRunRequestSchema>

/**
 * Server messages besides the run events themselves (which carry runId and seq and are sent one per message, or
 * several in one `events` message when a client falls behind). An `error` without `seq` is about the connection or a
 * request, not an event of a run.
 */
export const serverControlMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("events"), events: z.array(studioEventSchema) }),
  z.object({ type: z.literal("ready"), userId: id }),
  z.object({ type: z.literal("run_accepted"), runId: id, requestId: z.string().optional() }),
  z.object({ type: z.literal("pong"), ts: z.number().optional() }),
  z.object({
    type: z.literal("error"),
    code: errorCodeSchema,
    message: z.string(),
    retryAfterMs: z.number().optional(),
    runId: id.optional(),
  }),
])
export type ServerControlMessage = z.infer<typeof serverControlMessageSchema>
