import type { ToolchainRegistry } from "@studio/engine"
import type { GeneratorInfo, SandboxIsolation } from "@studio/protocol"
import type { Logger } from "pino"
import type { PasswordHasher } from "./auth/passwords"
import type { TokenService } from "./auth/tokens"
import type { Store } from "./db/store"
import type { PromptLimiter } from "./limits/rate-limit"
import type { RequestLimits } from "./limits/request-limits"
import type { SocketLimiter } from "./limits/socket-limit"
import type { Metrics } from "./metrics"
import type { PreviewPageStore } from "./previews/preview-store"
import type { RunManager } from "./runs/run-manager"
import type { Connection } from "./ws/connection"

/** What the HTTP + WebSocket application is built from (see buildApp in app.ts). */
export interface AppDeps {
  store: Store
  tokens: TokenService
  limiter: PromptLimiter
  /** Sign-in, sign-up, preview and test-run limits (limits/request-limits.ts). */
  requestLimits: RequestLimits
  /** How passwords are hashed and checked (default argon2id). */
  passwords?: PasswordHasher
  /** Proxy addresses whose X-Forwarded-For is believed for request.ip; none by default. */
  trustProxy?: readonly string[]
  sockets: SocketLimiter
  runs: RunManager
  metrics: Metrics
  toolchain: ToolchainRegistry
  /** Built preview pages, served by `GET /preview/:id` for a few minutes. */
  previews: PreviewPageStore
  logger: Logger
  /** Origins besides the server's own that may open the WebSocket. */
  allowedOrigins: readonly string[]
  /** Checks the database (and Redis) for /readyz. */
  ready(): Promise<void>
  /** Open connections, so a graceful stop can flush and close them after the runs finish. */
  connections?: Set<Connection>
  /** Starts warming the engine (the server calls it at listen, a socket sign-in again); idempotent. */
  warm?(): void
  /** Seconds between WebSocket heartbeats; a socket that misses one is closed. */
  heartbeatSeconds?: number
  /** The built web app (Vite's dist) to serve; without one, pages answer 503 with how to build it. */
  webDir?: string
  /** The sandbox's isolation on this machine, for /readyz and `GET /api/sandbox`. */
  isolation: SandboxIsolation
  /** What writes the code (`GET /api/studio`): this server's generator, or what an API-only instance's settings name. */
  generator: GeneratorInfo
}
