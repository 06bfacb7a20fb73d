import {
  apiErrorSchema,
  authResponseSchema,
  observationSchema,
  pluginManifestSchema,
  previewResponseSchema,
  projectSchema,
  runAcceptedSchema,
  runSummarySchema,
  sandboxIsolationResponseSchema,
  studioEventSchema,
  userSchema,
  versionSchema,
  versionSummarySchema,
  type AuthResponse,
  type Credentials,
  type ErrorCode,
  type Observation,
  type PluginManifestInfo,
  type PreviewRequest,
  type PreviewResponse,
  type Project,
  type RunSummary,
  type SandboxIsolation,
  type StudioEvent,
  type User,
  type Version,
  type VersionSummary,
} from "@studio/protocol"
import { z } from "zod"

/** A failed request, with the server's error code and message (already safe to show). */
export class ApiRequestError extends Error {
  constructor(
    readonly code: ErrorCode | "network",
    message: string,
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(message)
    this.name = "ApiRequestError"
  }
}

export interface ApiClientOptions {
  /** Where the studio's API lives; the page's own origin by default. */
  baseUrl?: string
  getToken: () => string | null
  /** Called when the server says the token is no longer good, so the app can sign out. */
  onUnauthorized?: () => void
  fetch?: typeof fetch
}

const projectsBody = z.object({ projects: z.array(projectSchema) })
const projectBody = z.object({ project: projectSchema })
const versionsBody = z.object({ versions: z.array(versionSummarySchema) })
const versionBody = z.object({ version: versionSchema })
const versionSummaryBody = z.object({ version: versionSummarySchema })
const meBody = z.object({ user: userSchema })
const pluginsBody = z.object({ plugins: z.array(pluginManifestSchema) })
const observationsBody = z.object({ observations: z.array(observationSchema) })
const runsBody = z.object({ runs: z.array(runSummarySchema) })
const eventsBody = z.object({ events: z.array(studioEventSchema) })
const okBody = z.object({ ok: z.literal(true) })

/** The studio's REST API, typed by the protocol package and checked at run time. */
export class ApiClient {
  private readonly baseUrl: string
  private readonly fetchImpl: typeof fetch

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl ?? ""
    this.fetchImpl = options.fetch ?? ((...args) => globalThis.fetch(...args))
  }

  register(credentials: Credentials): Promise<AuthResponse> {
    return this.request("POST", "/api/auth/register", authResponseSchema, credentials, { auth: false })
  }

  login(credentials: Credentials): Promise<AuthResponse> {
    return this.request("POST", "/api/auth/login", authResponseSchema, credentials, { auth: false })
  }

  async me(): Promise<User> {
    return (await this.request("GET", "/api/me", meBody)).user
  }

  async listProjects(): Promise<Project[]> {
    return (await this.request("GET", "/api/projects", projectsBody)).projects
  }

  async createProject(name: string): Promise<Project> {
    return (await this.request("POST", "/api/projects", projectBody, { name })).project
  }

  async renameProject(projectId: string, name: string): Promise<Project> {
    return (await this.request("PATCH", `/api/projects/${enc(projectId)}`, projectBody, { name })).project
  }

  async listVersions(projectId: string): Promise<VersionSummary[]> {
    return (await this.request("GET", `/api/projects/${enc(projectId)}/versions`, versionsBody)).versions
  }

  async listRuns(projectId: string): Promise<RunSummary[]> {
    return (await this.request("GET", `/api/projects/${enc(projectId)}/runs`, runsBody)).runs
  }

  async getVersion(versionId: string): Promise<Version> {
    return (await this.request("GET", `/api/versions/${enc(versionId)}`, versionBody)).version
  }

  async restoreVersion(versionId: string): Promise<VersionSummary> {
    return (await this.request("POST", `/api/versions/${enc(versionId)}/restore`, versionSummaryBody, {}))
      .version
  }

  /** Re-runs the execute stage on edited files; the run saves them as a new version. */
  async startTestRun(versionId: string, files: Record<string, string>): Promise<string> {
    return (
      await this.request("POST", `/api/versions/${enc(versionId)}/test-runs`, runAcceptedSchema, { files })
    ).runId
  }

  async exportVersion(versionId: string): Promise<{ blob: Blob; fileName: string }> {
    const response = await this.send("GET", `/api/versions/${enc(versionId)}/export`, undefined, true)
    const disposition = response.headers.get("content-disposition") ?? ""
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "component.zip"
    return { blob: await response.blob(), fileName }
  }

  async runEvents(runId: string, afterSeq: number): Promise<StudioEvent[]> {
    return (await this.request("GET", `/api/runs/${enc(runId)}/events?after=${afterSeq}`, eventsBody)).events
  }

  async listPlugins(): Promise<PluginManifestInfo[]> {
    return (await this.request("GET", "/api/plugins", pluginsBody)).plugins
  }

  /** How this server contains generated tests, and what that protects against (the Build section's badge). */
  async sandboxIsolation(): Promise<SandboxIsolation> {
    return (await this.request("GET", "/api/sandbox", sandboxIsolationResponseSchema)).isolation
  }

  async listObservations(): Promise<Observation[]> {
    return (await this.request("GET", "/api/observations", observationsBody)).observations
  }

  async sendFeedback(observationId: string, satisfaction: 1 | -1): Promise<void> {
    await this.request("POST", `/api/observations/${enc(observationId)}/feedback`, okBody, { satisfaction })
  }

  /** Builds the preview page; its `url` is where the server serves it for a few minutes (for the iframe's src). */
  async buildPreview(request: PreviewRequest, signal?: AbortSignal): Promise<PreviewResponse> {
    const built = await this.request("POST", "/api/preview", previewResponseSchema, request, { signal })
    // The schema allows only a /preview/<id> path, so the frame can be pointed at nothing but the studio's server.
    return { ...built, url: `${this.baseUrl}${built.url}` }
  }

  private async request<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
    options: { auth?: boolean; signal?: AbortSignal } = {},
  ): Promise<T> {
    const response = await this.send(method, path, body, options.auth ?? true, options.signal)
    const parsed = schema.safeParse(await response.json().catch(() => undefined))
    if (!parsed.success)
      throw new ApiRequestError("internal", "The server sent an answer the studio does not understand.", 502)
    return parsed.data
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    auth: boolean,
    signal?: AbortSignal,
  ): Promise<Response> {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers["content-type"] = "application/json"
    const token = auth ? this.options.getToken() : null
    if (token) headers.authorization = `Bearer ${token}`
    let response: Response
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      })
    } catch (error) {
      if (signal?.aborted) throw error
      throw new ApiRequestError("network", "The studio server cannot be reached.", 0)
    }
    if (response.ok) return response
    const parsed = apiErrorSchema.safeParse(await response.json().catch(() => undefined))
    const retryHeader = Number(response.headers.get("retry-after"))
    const error = parsed.success
      ? new ApiRequestError(
          parsed.data.error.code,
          parsed.data.error.message,
          response.status,
          parsed.data.error.retryAfterMs ?? (retryHeader > 0 ? retryHeader * 1000 : undefined),
        )
      : new ApiRequestError("internal", `The server answered ${response.status}.`, response.status)
    if (response.status === 401 && auth) this.options.onUnauthorized?.()
    throw error
  }
}

const enc = encodeURIComponent
