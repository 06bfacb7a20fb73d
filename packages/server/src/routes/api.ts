import path from "node:path"
import { buildPreviewHtml, findPreviewEntry, validateEditedPath } from "@studio/engine"
import {
  API_ROUTES,
  givenTestFileSchema,
  parseOrThrow,
  StudioError,
  type Project as PublicProject,
  type RunSummary,
  type User as PublicUser,
  type VersionSummary,
} from "@studio/protocol"
import type { FastifyInstance } from "fastify"
import type { AppDeps } from "../app-deps"
import { argon2Passwords, checkPasswordPolicy } from "../auth/passwords"
import { PREVIEW_ROUTE_PREFIX } from "../content-security-policy"
import { DuplicateEmailError } from "../db/errors"
import type { Project } from "../db/repositories/projects"
import type { RunRecord } from "../db/repositories/runs"
import type { User } from "../db/repositories/users"
import type { Version } from "../db/repositories/versions"
import { diffSize } from "../export/diff-size"
import { buildProjectZip } from "../export/project-zip"
import { readRunVerdicts, readStoredEvent } from "../runs/run-verdicts"
import { takePrompt } from "../limits/rate-limit"
import { authenticatedUser } from "./authenticate"
import { typedRoutes } from "./typed-route"

/** Where a run places given tests (engine's stages/given-tests.ts), so where a version holds them. */
const GIVEN_TESTS_FOLDER = "src/components/"

/** How many runs `GET /api/projects/:id/runs` lists: enough to find the ones still running after a reload. */
const RUNS_LISTED = 50

export async function registerApiRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  const { store } = deps
  const passwords = deps.passwords ?? argon2Passwords
  // A real hash of nothing, so a login for an unknown email costs what a wrong password does.
  let decoyHash: Promise<string> | undefined

  const route = typedRoutes(api, { authenticate: (request) => authenticatedUser(request, deps.tokens) })

  // Both count per client address (request.ip: the connection's, or the proxy's X-Forwarded-For when
  // STUDIO_TRUST_PROXY names the proxy) before any password is hashed, so refused attempts cost no argon2 time.
  route(API_ROUTES.register, async ({ body: { email, password }, request }) => {
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
    return { token, user: publicUser(user) }
  })

  route(API_ROUTES.login, async ({ body: { email, password }, request }) => {
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

  route(API_ROUTES.me, async ({ userId }) => {
    const user = await store.users.byId(userId)
    if (!user) throw new StudioError("unauthorized", "This account no longer exists.")
    return { user: publicUser(user) }
  })

  route(API_ROUTES.listProjects, async ({ userId }) => {
    const projects = await store.projects.list(userId)
    return { projects: projects.map(publicProject) }
  })

  route(API_ROUTES.createProject, async ({ userId, body: { name } }) => {
    return { project: publicProject(await store.projects.create(userId, name)) }
  })

  route(API_ROUTES.getProject, async ({ userId, params }) => {
    const project = await store.projects.get(userId, params.id)
    if (!project) throw new StudioError("not_found", "No such project.")
    return { project: publicProject(project) }
  })

  route(API_ROUTES.renameProject, async ({ userId, params, body: { name } }) => {
    const project = await store.projects.rename(userId, params.id, name)
    if (!project) throw new StudioError("not_found", "No such project.")
    return { project: publicProject(project) }
  })

  route(API_ROUTES.listVersions, async ({ userId, params: { id: projectId } }) => {
    if (!(await store.projects.get(userId, projectId))) throw new StudioError("not_found", "No such project.")
    const versions = await store.versions.list(userId, projectId)
    return { versions: versions.map(versionSummary) }
  })

  route(API_ROUTES.listRuns, async ({ userId, params: { id: projectId } }) => {
    if (!(await store.projects.get(userId, projectId))) throw new StudioError("not_found", "No such project.")
    const runs = await store.runs.listForProject(userId, projectId, RUNS_LISTED)
    return { runs: runs.map(runSummary) }
  })

  route(API_ROUTES.getVersion, async ({ userId, params }) => {
    const version = await ownVersion(userId, params.id)
    return {
      version: {
        ...versionSummary(version),
        files: version.files,
        contract: version.contract,
        report: version.report,
      },
    }
  })

  // Not JSON: the zip itself (API_ROUTES.exportVersion names its content type).
  api.get(API_ROUTES.exportVersion.path, async (request, reply) => {
    const { id } = parseOrThrow(API_ROUTES.exportVersion.params, request.params)
    const version = await ownVersion(await authenticatedUser(request, deps.tokens), id)
    const name = version.contract?.name ?? "Component"
    const zip = await buildProjectZip({
      name,
      files: version.files,
      contract: version.contract ?? undefined,
      givenTests: version.givenTests ?? [],
    })
    return reply
      .header("content-type", API_ROUTES.exportVersion.contentType)
      .header("content-disposition", `attachment; filename="${name}-v${version.number}.zip"`)
      .send(Buffer.from(zip))
  })

  // A copy of an older version as the project's newest, so the history only ever grows.
  route(API_ROUTES.restoreVersion, async ({ userId, params }) => {
    const source = await ownVersion(userId, params.id)
    const version = await store.versions.create({
      projectId: source.projectId,
      parentVersionId: source.id,
      prompt: `Restored v${source.number}`,
      files: source.files,
      contract: source.contract,
      // Stored as read today: a copy of a version from before verdicts carries the verdict it reads with.
      report: source.report,
      runId: null,
      givenTests: source.givenTests,
    })
    return { version: versionSummary(version) }
  })

  // The tests of a version on the person's edits: 202 with the run id; the run saves the files as a new version.
  route(API_ROUTES.startTestRun, async ({ userId, params: { id: versionId }, body: { files } }) => {
    // Checked before the prompt is spent: a request that cannot run costs nothing.
    await deps.runs.checkTestRun(userId, versionId, files)
    // Test runs have their own budget: they use the sandbox, not the model, so they leave the prompts alone.
    await deps.requestLimits.takeTestRun(userId)
    const runId = await deps.runs.startTestRun(userId, versionId, files)
    return { runId }
  })

  // The preview page for some files (edited or stored). A component that does not build is still a 200: the page
  // shows its errors and the diagnostics say where they are.
  route(
    API_ROUTES.buildPreview,
    async ({ userId, body }) => {
      if (!isHttpOrigin(body.parentOrigin))
        throw new StudioError(
          "validation_failed",
          "parentOrigin: must be an http(s) origin without a path, like https://studio.example.com",
        )
      const givenTests = checkGivenTests(body.files, body.givenTests)
      checkFilePaths(body.files, givenTests)
      if (body.entry !== undefined && !Object.hasOwn(body.files, body.entry))
        throw new StudioError("validation_failed", "entry: must be one of the files.")
      const entry = body.entry ?? findPreviewEntry(body.files)
      const title = entry ? path.posix.basename(entry).replace(/\.[^.]+$/, "") : "Preview"
      const built = await buildPreviewHtml(body.files, {
        toolchain: deps.toolchain,
        title,
        parentOrigin: body.parentOrigin,
        givenTests,
        ...(body.entry ? { entry: body.entry } : {}),
        ...(body.props ? { props: body.props } : {}),
      })
      // Served from its own route (see routes/preview-pages.ts), so the studio page can keep a strict policy.
      const stored = await deps.previews.put(userId, { html: built.html, parentOrigin: body.parentOrigin })
      return {
        url: `${PREVIEW_ROUTE_PREFIX}${stored.id}`,
        expiresAt: stored.expiresAt.toISOString(),
        diagnostics: built.diagnostics,
      }
    },
    // Every build request spends the budget, a malformed one too.
    { beforeParsing: ({ userId }) => deps.requestLimits.takePreview(userId) },
  )

  // A generation over REST, for clients without a socket: 202 with the run id; events from /api/runs/:id/events.
  route(API_ROUTES.startRun, async ({ userId, body }) => {
    const request = { ...body, type: "generate" as const }
    // Checked before the prompt is spent, as on the WebSocket: a request that cannot run costs nothing.
    await deps.runs.checkStart(userId, request)
    await takePrompt(deps.limiter, userId, () => deps.metrics.rateLimited.inc())
    const runId = await deps.runs.start(userId, request)
    return { runId }
  })

  route(API_ROUTES.getRun, async ({ userId, params }) => {
    const run = await store.runs.get(userId, params.id)
    if (!run) throw new StudioError("not_found", "No such run.")
    // The stored `success` column is not trusted alone: a run from before verdicts is read with today's rule.
    const verdict = (await readRunVerdicts(store, [run])).get(run.id)
    return {
      run: {
        ...runSummary(run),
        projectId: run.projectId,
        provider: run.provider,
        model: run.model,
        success: verdict ? verdict.verdict === "proven" : null,
        verdict: verdict?.verdict ?? null,
        reasons: verdict?.reasons ?? [],
        repairAttempts: run.repairAttempts,
        workerId: run.workerId,
        queuedAt: run.createdAt.toISOString(),
        startedAt: run.startedAt?.toISOString() ?? null,
      },
    }
  })

  route(API_ROUTES.runEvents, async ({ userId, params: { id: runId }, query: { after } }) => {
    const run = await store.runs.get(userId, runId)
    if (!run) throw new StudioError("not_found", "No such run.")
    const rows = await store.events.list(runId, after)
    return { events: rows.map((row) => readStoredEvent(row.event, run)) }
  })

  route(API_ROUTES.listPlugins, async () => ({ plugins: await deps.store.plugins.list() }))

  route(API_ROUTES.listObservations, async ({ userId }) => {
    const observations = await store.observations.list(userId)
    const runs = await store.runs.listByIds(
      userId,
      observations.map((observation) => observation.runId),
    )
    const verdicts = await readRunVerdicts(store, runs)
    const runsById = new Map(runs.map((run) => [run.id, run]))
    return {
      observations: observations.map(
        ({
          id,
          runId,
          projectId,
          promptHash,
          diffPatch,
          testMetrics,
          latencyMs,
          userSatisfaction,
          createdAt,
        }) => {
          const verdict = verdicts.get(runId)
          const run = runsById.get(runId)
          return {
            id,
            runId,
            projectId,
            prompt: run?.prompt ?? "",
            promptHash,
            parentVersionId: run?.parentVersionId ?? null,
            diff: diffSize(diffPatch),
            // An earlier observation's `success` meant "no test failed"; it now follows the verdict.
            testMetrics: { ...testMetrics, success: verdict?.verdict === "proven" ? 1 : 0 },
            verdict: verdict?.verdict ?? null,
            latencyMs,
            userSatisfaction,
            createdAt: createdAt.toISOString(),
          }
        },
      ),
    }
  })

  route(API_ROUTES.sendFeedback, async ({ userId, params, body: { satisfaction } }) => {
    if (!(await store.observations.setSatisfaction(userId, params.id, satisfaction)))
      throw new StudioError("not_found", "No such observation.")
    return { ok: true as const }
  })

  async function ownVersion(userId: string, id: string): Promise<Version> {
    const version = await store.versions.get(userId, id)
    if (!version) throw new StudioError("not_found", "No such version.")
    return version
  }
}

/**
 * Edited files go where a model's files may: relative, under src/, known extensions; a given test (tests as the spec)
 * also where a person's test may be, with its own name (`TaskNav.test.js`).
 */
function checkFilePaths(files: Record<string, string>, givenTests: readonly string[]): void {
  for (const filePath of Object.keys(files)) {
    const checked = validateEditedPath(filePath, givenTests)
    if (!checked.ok) throw new StudioError("validation_failed", `files: ${checked.message}`)
  }
}

/**
 * A preview request's tests-as-the-spec mode: each path one of the files, distinct, and a test file as given tests
 * are named (protocol's givenTestFileSchema, placed in src/components/ as a run places them).
 */
function checkGivenTests(files: Record<string, string>, givenTests: readonly string[] = []): string[] {
  if (new Set(givenTests).size !== givenTests.length)
    throw new StudioError("validation_failed", "givenTests: the paths must differ.")
  for (const testPath of givenTests) {
    if (!Object.hasOwn(files, testPath))
      throw new StudioError("validation_failed", "givenTests: each must be one of the files.")
    const name = testPath.startsWith(GIVEN_TESTS_FOLDER) ? testPath.slice(GIVEN_TESTS_FOLDER.length) : ""
    if (!givenTestFileSchema.shape.name.safeParse(name).success)
      throw new StudioError(
        "validation_failed",
        "givenTests: each must be a test file in src/components/, named like TaskNav.test.js.",
      )
  }
  return [...givenTests]
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

function publicUser(user: User): PublicUser {
  return { id: user.id, email: user.email, createdAt: user.createdAt.toISOString() }
}

function publicProject(project: Project): PublicProject {
  return {
    id: project.id,
    name: project.name,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  }
}

function versionSummary(version: Version): VersionSummary {
  const { report } = version
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
    ...(version.givenTests?.length ? { givenTests: version.givenTests } : {}),
  }
}
