// Scale-out on Redis (issue 13): one `studio serve --workers 0` (API and WebSocket only) with first one, then two
// `studio worker` processes, each time on a fresh PostgreSQL database and a Redis of its own; this process plays the
// users, each running offline generations one after another over its own WebSocket, and checks every run's live
// events against its stored log.
import { spawnSync } from "node:child_process"
import { randomBytes, randomUUID } from "node:crypto"
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import {
  API_ROUTES,
  serverControlMessageSchema,
  studioEventSchema,
  WS_PROTOCOL,
  type StudioEvent,
} from "@studio/protocol"
import { Redis } from "ioredis"
import pg from "pg"
import WebSocket from "ws"
import {
  buildStudioOnce,
  startPrivateRedis,
  startServe,
  startWorkerProcess,
  type StudioProcess,
} from "../packages/server/test/support/studio-processes"

const PROMPTS = [
  "tabs for Overview, Settings and Billing",
  "a star rating with 5 stars",
  "a login form with email and password",
  "a pricing table with three tiers and a monthly/yearly toggle",
]
/** `studio worker`'s default: one job at a time, as the embedded server runs them, so two workers are two slots. */
const WORKER_CONCURRENCY = 1
/** Started processes settle (JIT, first GC) before their idle RSS is read. */
const SETTLE_MS = 5000
/** A deadline for one run, so a lost run shows as unfinished instead of hanging the bench. Not a speed target. */
const RUN_DEADLINE_MS = 300_000

export interface ScaleOutConfiguration {
  workers: number
  users: number
  runs: number
  succeeded: number
  /** Runs whose run_finished never arrived live before the deadline. */
  unfinished: number
  wallSeconds: number
  runsPerMinute: number
  finishedMs: number[]
  finishedP50Seconds: number
  finishedP95Seconds: number
  /** Over all runs: stored seqs the client never received live, seqs received more than once, and out of order. */
  eventsStored: number
  eventsLost: number
  eventsDuplicated: number
  eventsOutOfOrder: number
  apiIdleRssMb: number
  apiPeakRssMb: number
  /** Per worker, its whole process tree (the sandbox workers are its children). */
  workerIdleRssMb: number[]
  workerPeakRssMb: number[]
}

export type ScaleOutResult =
  | { skipped: string }
  | {
      cores: number
      workerConcurrency: number
      redis: "private" | "shared"
      one: ScaleOutConfiguration
      two: ScaleOutConfiguration
      /** Two workers over one, as measured: > 1 is better for runs a minute, < 1 is better for the times. */
      ratios: { runsPerMinute: number; finishedP50: number; finishedP95: number }
    }

/** Runs the scale-out bench, or says why it cannot run here (PostgreSQL or Redis out of reach). */
export async function measureScaleOut(
  repoRoot: string,
  users = Number(process.env.BENCH_SCALE_OUT_USERS ?? 20),
  runsPerUser = Number(process.env.BENCH_SCALE_OUT_RUNS ?? 2),
): Promise<ScaleOutResult> {
  const adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test"
  const postgresProblem = await unreachable(async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 })
    await client.connect()
    await client.end()
  })
  if (postgresProblem)
    return { skipped: `PostgreSQL at ${redactUrl(adminUrl)} cannot be reached (${postgresProblem})` }
  // A private redis-server when there is one: the shared Redis is never flushed or restarted by the bench.
  const privateRedis = spawnSync("redis-server", ["--version"]).status === 0
  const sharedRedisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
  if (!privateRedis) {
    const redisProblem = await unreachable(() => withRedis(sharedRedisUrl, (redis) => redis.ping()))
    if (redisProblem)
      return {
        skipped: `no redis-server to start and Redis at ${redactUrl(sharedRedisUrl)} cannot be reached (${redisProblem})`,
      }
  }
  buildStudioOnce()
  const options = { repoRoot, adminUrl, privateRedis, sharedRedisUrl, users, runsPerUser }
  const one = await measureConfiguration({ ...options, workers: 1 })
  const two = await measureConfiguration({ ...options, workers: 2 })
  return {
    cores: os.cpus().length,
    workerConcurrency: WORKER_CONCURRENCY,
    redis: privateRedis ? "private" : "shared",
    one,
    two,
    ratios: {
      runsPerMinute: two.runsPerMinute / one.runsPerMinute,
      finishedP50: two.finishedP50Seconds / one.finishedP50Seconds,
      finishedP95: two.finishedP95Seconds / one.finishedP95Seconds,
    },
  }
}

async function measureConfiguration(options: {
  repoRoot: string
  adminUrl: string
  privateRedis: boolean
  sharedRedisUrl: string
  users: number
  runsPerUser: number
  workers: number
}): Promise<ScaleOutConfiguration> {
  const { users, runsPerUser, workers } = options
  const children: StudioProcess[] = []
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-bench-scale-out-"))
  const database = await freshDatabase(options.adminUrl)
  const redis = options.privateRedis ? await startPrivateRedis() : undefined
  const redisUrl = redis?.url ?? options.sharedRedisUrl
  const prefix = `studio:bench:${randomUUID()}`
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      STUDIO_QUEUE: "redis",
      REDIS_URL: redisUrl,
      DATABASE_URL: database.url,
      STUDIO_REDIS_PREFIX: prefix,
      // The API instance signs the tokens, the worker never sees one; shared as a deployment shares it.
      STUDIO_JWT_SECRET: randomBytes(32).toString("hex"),
      STUDIO_DATA_DIR: dataDir,
      STUDIO_PROVIDER: "offline",
      PORT: "0",
      LOG_LEVEL: "info",
      STUDIO_RATE_LIMIT: "100000",
      // Every simulated user signs up from 127.0.0.1.
      STUDIO_REGISTER_RATE_LIMIT: "100000",
    }
    const api = await startServe(env, 0)
    children.push(api)
    await sleep(SETTLE_MS)
    const apiIdleRssMb = treeRssMb(api.child.pid!)
    const started = await Promise.all(
      Array.from({ length: workers }, () => startWorkerProcess(env, WORKER_CONCURRENCY)),
    )
    children.push(...started)
    await sleep(SETTLE_MS)
    const workerIdleRssMb = started.map((worker) => treeRssMb(worker.child.pid!))

    let apiPeakRssMb = apiIdleRssMb
    const workerPeakRssMb = [...workerIdleRssMb]
    const sample = () => {
      apiPeakRssMb = Math.max(apiPeakRssMb, treeRssMb(api.child.pid!))
      started.forEach((worker, index) => {
        workerPeakRssMb[index] = Math.max(workerPeakRssMb[index] ?? 0, treeRssMb(worker.child.pid!))
      })
    }
    const sampler = setInterval(sample, 250)
    try {
      const accounts = await Promise.all(Array.from({ length: users }, () => signUp(api.url)))
      const loadStarted = performance.now()
      const perUser = await Promise.all(
        accounts.map((account, index) => runAsUser(api.url, account, index, runsPerUser)),
      )
      const wallSeconds = (performance.now() - loadStarted) / 1000
      sample()
      const runs = perUser.flat()
      const checks = await Promise.all(
        runs.map(async (run) =>
          compareWithStored(run.received, await storedSeqs(api.url, run.token, run.runId)),
        ),
      )
      const finishedMs = runs.flatMap((run) => (run.finishedMs === undefined ? [] : [run.finishedMs]))
      const total = users * runsPerUser
      return {
        workers,
        users,
        runs: total,
        succeeded: runs.filter((run) => run.success).length,
        unfinished: total - finishedMs.length,
        wallSeconds,
        runsPerMinute: finishedMs.length / (wallSeconds / 60),
        finishedMs,
        finishedP50Seconds: percentile(finishedMs, 50) / 1000,
        finishedP95Seconds: percentile(finishedMs, 95) / 1000,
        eventsStored: sum(checks.map((check) => check.stored)),
        eventsLost: sum(checks.map((check) => check.lost)),
        eventsDuplicated: sum(checks.map((check) => check.duplicated)),
        eventsOutOfOrder: sum(checks.map((check) => check.outOfOrder)),
        apiIdleRssMb,
        apiPeakRssMb,
        workerIdleRssMb,
        workerPeakRssMb,
      }
    } finally {
      clearInterval(sampler)
    }
  } finally {
    for (const child of children) child.child.kill("SIGTERM")
    await Promise.all(children.map((child) => child.exited))
    redis?.remove()
    if (!redis) await withRedis(redisUrl, (client) => deleteKeys(client, `${prefix}*`))
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

type Account = { token: string; projectId: string }
type RunRecord = {
  runId: string
  token: string
  received: number[]
  success: boolean
  finishedMs?: number
}

async function signUp(url: string): Promise<Account> {
  const auth = API_ROUTES.register.response.parse(
    await post(url, API_ROUTES.register.path, {
      email: `scale-out-${randomUUID()}@example.com`,
      password: "scale-out bench password",
    }),
  )
  const project = API_ROUTES.createProject.response.parse(
    await post(url, API_ROUTES.createProject.path, { name: "scale-out" }, auth.token),
  )
  return { token: auth.token, projectId: project.project.id }
}

/** One user: a socket of its own, `runsPerUser` generations one after another; every seq it got live, per run. */
async function runAsUser(
  url: string,
  account: Account,
  index: number,
  runsPerUser: number,
): Promise<RunRecord[]> {
  const socket = new WebSocket(`${url.replace(/^http/, "ws")}/api/ws`, [
    WS_PROTOCOL,
    `bearer.${account.token}`,
  ])
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject))
  const received = new Map<string, number[]>()
  const finished = new Map<string, boolean>()
  type Waiting = { requestId: string; runId?: string; refused?: string; end: () => void }
  let waiting: Waiting | undefined
  socket.on("message", (data) => {
    const message = readServerMessage(data.toString())
    if (waiting && message.type === "run_accepted" && message.requestId === waiting.requestId)
      waiting.runId = message.runId
    if (message.type === "refused" && waiting && !waiting.runId) {
      waiting.refused = message.error
      waiting.end()
    }
    for (const event of message.type === "events" ? message.events : []) {
      const seqs = received.get(event.runId) ?? []
      seqs.push(event.seq)
      received.set(event.runId, seqs)
      if (event.type !== "run_finished") continue
      finished.set(event.runId, event.success)
      if (event.runId === waiting?.runId) waiting.end()
    }
  })
  // A dropped socket ends the run in progress as unfinished (the close event follows the error).
  socket.on("error", () => undefined)
  socket.on("close", () => waiting?.end())
  const runs: RunRecord[] = []
  try {
    for (let run = 0; run < runsPerUser; run++) {
      const sent = performance.now()
      const current: Waiting = { requestId: randomUUID(), end: () => undefined }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, RUN_DEADLINE_MS)
        current.end = () => {
          clearTimeout(timer)
          resolve()
        }
        waiting = current
        socket.send(
          JSON.stringify({
            type: "generate",
            requestId: current.requestId,
            projectId: account.projectId,
            prompt: PROMPTS[(index + run) % PROMPTS.length],
          }),
        )
      })
      waiting = undefined
      if (!current.runId) throw new Error(`a generation was not accepted: ${current.refused ?? "no answer"}`)
      const success = finished.get(current.runId)
      runs.push({
        runId: current.runId,
        token: account.token,
        received: [],
        success: success === true,
        ...(success === undefined ? {} : { finishedMs: performance.now() - sent }),
      })
    }
  } finally {
    socket.close()
  }
  // Filled in last: a run's events arrive only while this socket watches it, so its list is complete by now.
  return runs.map((run) => ({ ...run, received: received.get(run.runId) ?? [] }))
}

type ServerMessage =
  | { type: "events"; events: StudioEvent[] }
  | { type: "run_accepted"; runId: string; requestId?: string }
  | { type: "refused"; error: string }
  | { type: "other" }

/** One server message, checked against the protocol: run events (one, or a batch) or a control message. */
function readServerMessage(text: string): ServerMessage {
  const message: unknown = JSON.parse(text)
  const event = studioEventSchema.safeParse(message)
  if (event.success) return { type: "events", events: [event.data] }
  const control = serverControlMessageSchema.parse(message)
  switch (control.type) {
    case "events":
      return control
    case "run_accepted":
      return control
    case "error":
      return { type: "refused", error: `${control.code}: ${control.message}` }
    case "ready":
    case "pong":
      return { type: "other" }
  }
}

/** Every stored seq of a run, paging through GET /api/runs/:id/events. */
async function storedSeqs(url: string, token: string, runId: string): Promise<number[]> {
  const seqs: number[] = []
  for (;;) {
    const route = API_ROUTES.runEvents.path.replace(":id", runId)
    const response = await fetch(`${url}${route}?after=${seqs.at(-1) ?? -1}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const page = API_ROUTES.runEvents.response.parse(await response.json())
    if (page.events.length === 0) return seqs
    seqs.push(...page.events.map((event) => event.seq))
  }
}

/** Lost: stored, never received. Duplicated: received again. Out of order: received after a higher seq. */
function compareWithStored(
  received: number[],
  stored: number[],
): { stored: number; lost: number; duplicated: number; outOfOrder: number } {
  const seen = new Set<number>()
  let duplicated = 0
  let outOfOrder = 0
  let highest = -1
  for (const seq of received) {
    if (seen.has(seq)) duplicated++
    else if (seq < highest) outOfOrder++
    seen.add(seq)
    highest = Math.max(highest, seq)
  }
  return {
    stored: stored.length,
    lost: stored.filter((seq) => !seen.has(seq)).length,
    duplicated,
    outOfOrder,
  }
}

async function post(url: string, route: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(`${url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`POST ${route}: ${response.status} ${await response.text()}`)
  return response.json()
}

/** A database of this run's own on the PostgreSQL server, dropped afterwards (as the server's test databases are). */
async function freshDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `studio_bench_${randomBytes(6).toString("hex")}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

async function withRedis<T>(url: string, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0 })
  try {
    await redis.connect()
    return await use(redis)
  } finally {
    redis.disconnect()
  }
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = "0"
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000)
    if (keys.length > 0) await redis.unlink(...keys)
    cursor = next
  } while (cursor !== "0")
}

/** The resident memory of a process and all its descendants, in MB (0 once it is gone). */
function treeRssMb(root: number): number {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    const stat = readProcFile(`/proc/${entry}/stat`)
    // The fields after the command (which may hold spaces and parentheses): state, then the parent's pid.
    const parent = Number(stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
    if (parent) children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
  }
  let kilobytes = 0
  const pending = [root]
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    kilobytes += Number(/VmRSS:\s+(\d+)/.exec(readProcFile(`/proc/${pid}/status`) ?? "")?.[1] ?? 0)
    pending.push(...(children.get(pid) ?? []))
  }
  return kilobytes / 1024
}

/** A /proc file, or undefined when its process has just exited. */
function readProcFile(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8")
  } catch {
    return undefined
  }
}

async function unreachable(probe: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await probe()
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

function redactUrl(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = "***"
  return parsed.toString()
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}
