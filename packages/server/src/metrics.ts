import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client"
import type { QueueStats } from "./runs/run-queue"

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

/**
 * Queue depth, wait times and active runs per worker, read from the queue when /metrics is scraped. One read serves
 * the three metrics of a scrape: the wait times are drained when read, so a second read would find none.
 */
export function registerQueueMetrics(registry: Registry, readStats: () => Promise<QueueStats>): void {
  let reading: Promise<QueueStats | undefined> | undefined
  // A queue that cannot be read (Redis down) leaves the last values: /metrics still answers.
  const current = () => {
    reading ??= readStats()
      .catch(() => undefined)
      .finally(() => setImmediate(() => (reading = undefined)))
    return reading
  }
  new Gauge({
    name: "studio_queue_waiting",
    help: "Runs waiting in the queue, those held back by the per-user cap included.",
    registers: [registry],
    async collect() {
      const stats = await current()
      if (stats) this.set(stats.waiting)
    },
  })
  new Histogram({
    name: "studio_queue_wait_seconds",
    help: "Time runs waited in the queue before a worker started them.",
    buckets: [0.01, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    registers: [registry],
    async collect() {
      for (const seconds of (await current())?.waitSeconds ?? []) this.observe(seconds)
    },
  })
  new Gauge({
    name: "studio_worker_active_runs",
    help: "Runs going on each worker.",
    labelNames: ["worker"] as const,
    registers: [registry],
    async collect() {
      const stats = await current()
      if (!stats) return
      this.reset()
      for (const [worker, active] of Object.entries(stats.activeByWorker)) this.set({ worker }, active)
    },
  })
}
