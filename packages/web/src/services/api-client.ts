import {
  API_ROUTES,
  apiErrorSchema,
  ERROR_CODES,
  routeUrl,
  StudioError,
  type AuthResponse,
  type Credentials,
  type ErrorCode,
  type JsonRouteDefinition,
  type Observation,
  type PluginManifestInfo,
  type PreviewRequest,
  type PreviewResponse,
  type Project,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
  type RunSummary,
  type SandboxIsolation,
  type StudioEvent,
  type StudioInfo,
  type User,
  type Version,
  type VersionSummary,
} from "@studio/protocol"

/**
 * A failed request: a StudioError with the server's code (or `network`, `response_invalid`) and message (already
 * safe to show), plus the HTTP status (0 when the server was not reached).
 */
export class ApiRequestError extends StudioError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
    retryAfterMs?: number,
  ) {
    super(code, message, {
      details: { status },
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    })
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

type CallOptions<Route extends JsonRouteDefinition> = {
  params?: RouteParams<Route>
  body?: RouteBody<Route>
  query?: RouteQuery<Route>
  signal?: AbortSignal
}

/** The studio's REST API, typed by the protocol package and checked at run time. */
export class ApiClient {
  private readonly baseUrl: string
  private readonly fetchImpl: typeof fetch

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl ?? ""
    this.fetchImpl = options.fetch ?? ((...args) => globalThis.fetch(...args))
  }

  register(credentials: Credentials): Promise<AuthResponse> {
    return this.call(API_ROUTES.register, { body: credentials })
  }

  login(credentials: Credentials): Promise<AuthResponse> {
    return this.call(API_ROUTES.login, { body: credentials })
  }

  async me(): Promise<User> {
    return (await this.call(API_ROUTES.me)).user
  }

  async listProjects(): Promise<Project[]> {
    return (await this.call(API_ROUTES.listProjects)).projects
  }

  async createProject(name: string): Promise<Project> {
    return (await this.call(API_ROUTES.createProject, { body: { name } })).project
  }

  async renameProject(projectId: string, name: string): Promise<Project> {
    return (await this.call(API_ROUTES.renameProject, { params: { id: projectId }, body: { name } })).project
  }

  async listVersions(projectId: string): Promise<VersionSummary[]> {
    return (await this.call(API_ROUTES.listVersions, { params: { id: projectId } })).versions
  }

  async listRuns(projectId: string): Promise<RunSummary[]> {
    return (await this.call(API_ROUTES.listRuns, { params: { id: projectId } })).runs
  }

  async getVersion(versionId: string): Promise<Version> {
    return (await this.call(API_ROUTES.getVersion, { params: { id: versionId } })).version
  }

  async restoreVersion(versionId: string): Promise<VersionSummary> {
    return (await this.call(API_ROUTES.restoreVersion, { params: { id: versionId } })).version
  }

  /** Re-runs the execute stage on edited files; the run saves them as a new version. */
  async startTestRun(versionId: string, files: Record<string, string>): Promise<string> {
    return (await this.call(API_ROUTES.startTestRun, { params: { id: versionId }, body: { files } })).runId
  }

  async exportVersion(versionId: string): Promise<{ blob: Blob; fileName: string }> {
    const route = API_ROUTES.exportVersion
    const response = await this.send(route.method, routeUrl(route, { id: versionId }), undefined, route.auth)
    const disposition = response.headers.get("content-disposition") ?? ""
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "component.zip"
    return { blob: await response.blob(), fileName }
  }

  async runEvents(runId: string, afterSeq: number): Promise<StudioEvent[]> {
    return (await this.call(API_ROUTES.runEvents, { params: { id: runId }, query: { after: afterSeq } }))
      .events
  }

  async listPlugins(): Promise<PluginManifestInfo[]> {
    return (await this.call(API_ROUTES.listPlugins)).plugins
  }

  /** How this server contains generated tests, and what that protects against (the Build section's badge). */
  async sandboxIsolation(): Promise<SandboxIsolation> {
    return (await this.call(API_ROUTES.sandboxIsolation)).isolation
  }

  /** What writes the code on this studio: the model and its provider, or the offline generator (the top bar). */
  async studioInfo(): Promise<StudioInfo> {
    return this.call(API_ROUTES.studioInfo)
  }

  async listObservations(): Promise<Observation[]> {
    return (await this.call(API_ROUTES.listObservations)).observations
  }

  async sendFeedback(observationId: string, satisfaction: 1 | -1): Promise<void> {
    await this.call(API_ROUTES.sendFeedback, { params: { id: observationId }, body: { satisfaction } })
  }

  /** Builds the preview page; its `url` is where the server serves it for a few minutes (for the iframe's src). */
  async buildPreview(request: PreviewRequest, signal?: AbortSignal): Promise<PreviewResponse> {
    const built = await this.call(API_ROUTES.buildPreview, { body: request, ...(signal ? { signal } : {}) })
    // The schema allows only a /preview/<id> path, so the frame can be pointed at nothing but the studio's server.
    return { ...built, url: `${this.baseUrl}${built.url}` }
  }

  /** Calls a JSON route of the contract and parses its answer with the route's response schema. */
  private async call<Route extends JsonRouteDefinition>(
    route: Route,
    options: CallOptions<Route> = {},
  ): Promise<RouteResponse<Route>> {
    const url = routeUrl(
      route,
      options.params ?? ({} as RouteParams<Route>),
      options.query as Record<string, string | number | boolean | undefined> | undefined,
    )
    const response = await this.send(route.method, url, options.body, route.auth, options.signal)
    const parsed = route.response.safeParse(await response.json().catch(() => undefined))
    if (!parsed.success)
      throw new ApiRequestError("response_invalid", ERROR_CODES.response_invalid.defaultMessage, 502)
    // safeParse of a generic route answers `unknown`; the schema it parsed with is the route's own.
    return parsed.data as RouteResponse<Route>
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
      : new ApiRequestError("response_invalid", `The server answered ${response.status}.`, response.status)
    if (response.status === 401 && auth) this.options.onUnauthorized?.()
    throw error
  }
}
