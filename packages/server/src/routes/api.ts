import path from "node:path"
import { buildPreviewHtml, findPreviewEntry, validateGeneratedPath } from "@studio/engine"
import {
  createProjectSchema,
  credentialsSchema,
  feedbackSchema,
  generateMessageSchema,
  previewRequestSchema,
  StudioError,
  testRunRequestSchema,
  type PreviewResponse,
  type RunSummary,
} from "@studio/protocol"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { z } from "zod"
import type { AppDeps } from "../app"
import { argon2Passwords, checkPasswordPolicy } from "../auth/passwords"
import { PREVIEW_ROUTE_PREFIX } from "../content-security-policy"
import { DuplicateEmailError } from "../db/errors"
import type { Project } from "../db/repositories/projects"
import type { RunRecord } from "../db/repositories/runs"
import type { User } from "../db/repositories/users"
import type { Version } from "../db/repositories/versions"
import { buildProjectZip } from "../export/project-zip"
import { readRunVerdicts, readStoredEvent, readVersionReport } from "../runs/run-verdicts"
import { takePrompt } from "../limits/rate-limit"

/** Parses a body or query with zod; the first problem becomes a `validation_failed` message. */
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : ""
  throw new StudioError("validation_failed", `${where}${issue?.message ?? "invalid request"}`)
}

const idParams = z.object({ id: z.string() })
const eventsQuery = z.object({ after: z.coerce.number().int().min(-1).default(-1) })
const renameSchema = createProjectSchema
/** How many runs `GET /api/projects/:id/runs` lists: enough to find the ones still running after a reload. */
const RUNS_LISTED = 50

export async function registerApiRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  const { store } = deps
  const passwords = deps.passwords ?? argon2Passwords
  // A real hash of nothing, so a login for an unknown email costs what a wrong password does.
  let decoyHash: Promise<string> | undefined

  const userOf = async (request: FastifyRequest): Promise<string> => {
    const header = request.headers.authorization
    const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined
    if (!token) throw new StudioError("unauthorized", "Sign in first (Authorization: Bearer <token>).")
    const { userId } = await deps.tokens.verify(token)
    return userId
  }

  // Both count per client address (request.ip: the connection's, or the proxy's X-Forwarded-For when
  // STUDIO_TRUST_PROXY names the proxy) before any password is hashed, so refused attempts cost no argon2 time.
  api.post("/api/auth/register", async (request, reply) => {
    const { email, password } = parse(credentialsSchema, request.body)
    const problem = checkPasswordPolicy(password)
    if (problem) throw new StudioError("validation_failed", problem)
    await deps.requestLimits.takeRegistration(request.ip)
    let user: User
    try {
      user = await store.users.create({ email, passwordHash: await passwords.hash(password) })
    } catch (error) {
      if (error instanceof DuplicateEmailError)
        throw new StudioError("conflict", "That email is already registered.")
      throw error
    }
    const token = await deps.tokens.sign({ id: user.id, email: user.email })
    return reply.status(201).send({ token, user: publicUser(user) })
  })

  api.post("/api/auth/login", async (request) => {
    const { email, password } = parse(credentialsSchema, request.body)
    await deps.requestLimits.takeLoginAttempt(request.ip, email)
    const user = await store.users.byEmail(email)
    if (!user) {
      decoyHash ??= passwords.hash("decoy password for timing")
      await passwords.verify(await decoyHash, password)
      throw new StudioError("unauthorized", "Wrong email or password.")
    }
    if (!(await passwords.verify(user.passwordHash, password)))
      throw new StudioError("unauthorized", "Wrong email or password.")
    await deps.requestLimits.loginSucceeded(request.ip, email)
    return { token: await deps.tokens.sign({ id: user.id, email: user.email }), user: publicUser(user) }
  })

  api.get("/api/me", async (request) => {
    const user = await store.users.byId(await userOf(request))
    if (!user) throw new StudioError("unauthorized", "This account no longer exists.")
    return { user: publicUser(user) }
  })

  api.get("/api/projects", async (request) => {
    const projects = await store.projects.list(await userOf(request))
    return { projects: projects.map(publicProject) }
  })

  api.post("/api/projects", async (request, reply) => {
    const userId = await userOf(request)
    const { name } = parse(createProjectSchema, request.body)
    return reply.status(201).send({ project: publicProject(await store.projects.create(userId, name)) })
  })

  api.get("/api/projects/:id", async (request) => {
    const userId = await userOf(request)
    const project = await store.projects.get(userId, parse(idParams, request.params).id)
    if (!project) throw new StudioError("not_found", "No such project.")
    return { project: publicProject(project) }
  })

  api.patch("/api/projects/:id", async (request) => {
    const userId = await userOf(request)
    const { name } = parse(renameSchema, request.body)
    const project = await store.projects.rename(userId, parse(idParams, request.params).id, name)
    if (!project) throw new StudioError("not_found", "No such project.")
    return { project: publicProject(project) }
  })

  api.get("/api/projects/:id/versions", async (request) => {
    const userId = await userOf(request)
    const projectId = parse(idParams, request.params).id
    if (!(await store.projects.get(userId, projectId))) throw new StudioError("not_found", "No such project.")
    const versions = await store.versions.list(userId, projectId)
    return { versions: versions.map(versionSummary) }
  })

  api.get("/api/projects/:id/runs", async (request) => {
    const userId = await userOf(request)
    const projectId = parse(idParams, request.params).id
    if (!(await store.projects.get(userId, projectId))) throw new StudioError("not_found", "No such project.")
    const runs = await store.runs.listForProject(userId, projectId, RUNS_LISTED)
    return { runs: runs.map(runSummary) }
  })

  api.get("/api/versions/:id", async (request) => {
    const version = await ownVersion(await userOf(request), parse(idParams, request.params).id)
    return {
      version: {
        ...versionSummary(version),
        files: version.files,
        contract: version.contract,
        report: readVersionReport(version.report),
      },
    }
  })

  api.get("/api/versions/:id/export", async (request, reply) => {
    const version = await ownVersion(await userOf(request), parse(idParams, request.params).id)
    const name = version.contract?.name ?? "Component"
    const zip = await buildProjectZip({ name, files: version.files, contract: version.contract ?? undefined })
    return reply
      .header("content-type", "application/zip")
      .header("content-disposition", `attachment; filename="${name}-v${version.number}.zip"`)
      .send(Buffer.from(zip))
  })

  // A copy of an older version as the project's newest, so the history only ever grows.
  api.post("/api/versions/:id/restore", async (request, reply) => {
    const source = await ownVersion(await userOf(request), parse(idParams, request.params).id)
    const version = await store.versions.create({
      projectId: source.projectId,
      parentVersionId: source.id,
      prompt: `Restored v${source.number}`,
      files: source.files,
      contract: source.contract,
      // Stored as read today: a copy of a version from before verdicts carries the verdict it reads with.
      report: readVersionReport(source.report),
      runId: null,
    })
    return reply.status(201).send({ version: versionSummary(version) })
  })

  // The tests of a version on the person's edits: 202 with the run id; the run saves the files as a new version.
  api.post("/api/versions/:id/test-runs", async (request, reply) => {
    const userId = await userOf(request)
    const versionId = parse(idParams, request.params).id
    const { files } = parse(testRunRequestSchema, request.body)
    // Checked before the prompt is spent: a request that cannot run costs nothing.
    await deps.runs.checkTestRun(userId, versionId, files)
    // Test runs have their own budget: they use the sandbox, not the model, so they leave the prompts alone.
    await deps.requestLimits.takeTestRun(userId)
    const runId = await deps.runs.startTestRun(userId, versionId, files)
    return reply.status(202).send({ runId })
  })

  // The preview page for some files (edited or stored). A component that does not build is still a 200: the page
  // shows its errors and the diagnostics say where they are.
  api.post("/api/preview", async (request) => {
    const userId = await userOf(request)
    await deps.requestLimits.takePreview(userId)
    const body = parse(previewRequestSchema, request.body)
    if (!isHttpOrigin(body.parentOrigin))
      throw new StudioError(
        "validation_failed",
        "parentOrigin: must be an http(s) origin without a path, like https://studio.example.com",
      )
    checkFilePaths(body.files)
    if (body.entry !== undefined && !Object.hasOwn(body.files, body.entry))
      throw new StudioError("validation_failed", "entry: must be one of the files.")
    const entry = body.entry ?? findPreviewEntry(body.files)
    const title = entry ? path.posix.basename(entry).replace(/\.[^.]+$/, "") : "Preview"
    const built = await buildPreviewHtml(body.files, {
      toolchain: deps.toolchain,
      title,
      parentOrigin: body.parentOrigin,
      ...(body.entry ? { entry: body.entry } : {}),
      ...(body.props ? { props: body.props } : {}),
    })
    // Served from its own route (see routes/preview-pages.ts), so the studio page can keep a strict policy.
    const stored = await deps.previews.put(userId, { html: built.html, parentOrigin: body.parentOrigin })
    return {
      url: `${PREVIEW_ROUTE_PREFIX}${stored.id}`,
      expiresAt: stored.expiresAt.toISOString(),
      diagnostics: built.diagnostics,
    } satisfies PreviewResponse
  })

  // A generation over REST, for clients without a socket: 202 with the run id; events from /api/runs/:id/events.
  api.post("/api/runs", async (request, reply) => {
    const userId = await userOf(request)
    const body = parse(generateMessageSchema, { ...(request.body as object), type: "generate" })
    // Checked before the prompt is spent, as on the WebSocket: a request that cannot run costs nothing.
    await deps.runs.checkStart(userId, body)
    await takePrompt(deps.limiter, userId, () => deps.metrics.rateLimited.inc())
    const runId = await deps.runs.start(userId, body)
    return reply.status(202).send({ runId })
  })

  api.get("/api/runs/:id", async (request) => {
    const run = await store.runs.get(await userOf(request), parse(idParams, request.params).id)
    if (!run) throw new StudioError("not_found", "No such run.")
    const {
      id,
      projectId,
      parentVersionId,
      versionId,
      prompt,
      provider,
      model,
      status,
      repairAttempts,
      createdAt,
      finishedAt,
    } = run
    // The stored `success` column is not trusted alone: a run from before verdicts is read with today's rule.
    const verdict = (await readRunVerdicts(store, [run])).get(run.id)
    return {
      run: {
        id,
        projectId,
        parentVersionId,
        versionId,
        prompt,
        provider,
        model,
        status,
        success: verdict ? verdict.verdict === "proven" : null,
        verdict: verdict?.verdict ?? null,
        reasons: verdict?.reasons ?? [],
        repairAttempts,
        createdAt,
        finishedAt,
      },
    }
  })

  api.get("/api/runs/:id/events", async (request) => {
    const userId = await userOf(request)
    const runId = parse(idParams, request.params).id
    const { after } = parse(eventsQuery, request.query)
    const run = await store.runs.get(userId, runId)
    if (!run) throw new StudioError("not_found", "No such run.")
    const rows = await store.events.list(runId, after)
    return { events: rows.map((row) => readStoredEvent(row.event, run)) }
  })

  api.get("/api/plugins", async (request) => {
    await userOf(request)
    return { plugins: deps.toolchain.listManifests() }
  })

  api.get("/api/observations", async (request) => {
    const userId = await userOf(request)
    const observations = await store.observations.list(userId)
    const runs = await store.runs.listByIds(
      userId,
      observations.map((observation) => observation.runId),
    )
    const verdicts = await readRunVerdicts(store, runs)
    return {
      observations: observations.map(
        ({ id, runId, projectId, testMetrics, latencyMs, userSatisfaction, createdAt }) => {
          const verdict = verdicts.get(runId)
          return {
            id,
            runId,
            projectId,
            // An earlier observation's `success` meant "no test failed"; it now follows the verdict.
            testMetrics: { ...testMetrics, success: verdict?.verdict === "proven" ? 1 : 0 },
            verdict: verdict?.verdict ?? null,
            latencyMs,
            userSatisfaction,
            createdAt,
          }
        },
      ),
    }
  })

  api.post("/api/observations/:id/feedback", async (request) => {
    const userId = await userOf(request)
    const { satisfaction } = parse(feedbackSchema, request.body)
    if (!(await store.observations.setSatisfaction(userId, parse(idParams, request.params).id, satisfaction)))
      throw new StudioError("not_found", "No such observation.")
    return { ok: true }
  })

  async function ownVersion(userId: string, id: string): Promise<Version> {
    const version = await store.versions.get(userId, id)
    if (!version) throw new StudioError("not_found", "No such version.")
    return version
  }
}

/** Edited files go where a model's files may: relative, under src/, known extensions. */
function checkFilePaths(files: Record<string, string>): void {
  for (const filePath of Object.keys(files)) {
    const checked = validateGeneratedPath(filePath)
    if (!checked.ok) throw new StudioError("validation_failed", `files: ${checked.message}`)
  }
}

/** `https://host[:port]` exactly: the preview compares it with `event.origin`, which never has a path. */
function isHttpOrigin(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value
  } catch {
    return false
  }
}

function runSummary(run: RunRecord): RunSummary {
  return {
    id: run.id,
    status: run.status,
    prompt: run.prompt,
    parentVersionId: run.parentVersionId,
    versionId: run.versionId,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  }
}

function publicUser(user: User) {
  return { id: user.id, email: user.email, createdAt: user.createdAt.toISOString() }
}

function publicProject(project: Project) {
  return {
    id: project.id,
    name: project.name,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  }
}

function versionSummary(version: Version) {
  const report = readVersionReport(version.report)
  return {
    id: version.id,
    projectId: version.projectId,
    number: version.number,
    parentVersionId: version.parentVersionId,
    prompt: version.prompt,
    runId: version.runId,
    success: report?.success ?? null,
    verdict: report?.verdict ?? null,
    reasons: report?.reasons ?? [],
    createdAt: version.createdAt.toISOString(),
  }
}
