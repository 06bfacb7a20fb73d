import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client"

/** The studio's Prometheus metrics, on a registry of its own (so tests can start several servers). */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: "studio_process_" })
  return {
    registry,
    runs: new Counter({
      name: "studio_runs_total",
      help: "Finished runs by outcome.",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    activeRuns: new Gauge({ name: "studio_active_runs", help: "Runs in progress.", registers: [registry] }),
    stageSeconds: new Histogram({
      name: "studio_stage_duration_seconds",
      help: "Time per pipeline stage.",
      labelNames: ["stage"] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
      registers: [registry],
    }),
    tokens: new Counter({
      name: "studio_tokens_total",
      help: "Model tokens used.",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    sockets: new Gauge({
      name: "studio_websockets",
      help: "Open WebSocket connections.",
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: "studio_rate_limit_hits_total",
      help: "Prompts refused by the hourly limit.",
      registers: [registry],
    }),
    requestsLimited: new Counter({
      name: "studio_request_limit_hits_total",
      help: "Sign-ins, sign-ups, previews and test runs refused by their limits.",
      labelNames: ["limit"] as const,
      registers: [registry],
    }),
    httpRequests: new Counter({
      name: "studio_http_requests_total",
      help: "HTTP requests by route and status class.",
      labelNames: ["route", "status"] as const,
      registers: [registry],
    }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>
