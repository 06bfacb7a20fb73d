import { randomBytes } from "node:crypto"
import { hostname } from "node:os"
import { givenTestsSchema, type StudioEvent } from "@studio/protocol"
import { z } from "zod"

// The seam between the API (which records a run and queues it) and the workers (which run the engine on it). The
// embedded default is an in-process adapter (local-queue.ts, no Redis); with STUDIO_QUEUE=redis it is BullMQ on
// Redis (redis/), so any number of API instances and workers share one queue. Jobs carry ids, not data: a worker
// reads the project, version and files it needs from PostgreSQL, the source of truth.

const uuid = z.uuid()

/** One queued run: a generation (from a prompt, maybe a follow-up of a version) or a test run of edited files. */
export const runJobSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("generate"),
    runId: uuid,
    userId: uuid,
    projectId: uuid,
    prompt: z.string(),
    parentVersionId: uuid.optional(),
    plugins: z.array(z.string()).optional(),
    /** Tests as the spec, carried whole: a person's files, which no store holds yet. */
    tests: givenTestsSchema.optional(),
  }),
  z.object({
    kind: z.literal("test"),
    runId: uuid,
    userId: uuid,
    versionId: uuid,
    files: z.record(z.string(), z.string()),
  }),
])
export type RunJob = z.infer<typeof runJobSchema>

/** What a worker is given with a job. */
export interface JobContext {
  /** Aborted on cancel (from any instance) or when the worker stops; `signal.reason` says which. */
  signal: AbortSignal
  /** The worker holding the job (host, pid and a random part): shown in `GET /api/runs/:id`. */
  workerId: string
}

/** Runs one job to its end (the run executor); resolves when the run's record is finished. Never rejects for a run's own failure. */
export type JobHandler = (job: RunJob, context: JobContext) => Promise<void>

/** What the queue tells the API side about jobs that will not reach a handler (or never finish in one). */
export interface QueueHooks {
  /** The job's place changed while it waits: `position` runs start before it (0: it is next). */
  onPosition?(job: RunJob, position: number): void
  /** Cancelled before any worker started it. */
  onCancelledWhileQueued(job: RunJob): Promise<void>
  /** Its worker died or lost it (a stalled job): the run is to be marked interrupted. */
  onLost(job: RunJob, reason: string): Promise<void>
}

export interface QueueStats {
  /** Jobs waiting, including those held back by the per-user cap. */
  waiting: number
  /** Jobs running, by worker id. */
  activeByWorker: Record<string, number>
  /** Seconds the jobs started in the last minute waited, for the wait-time histogram (drained on read). */
  waitSeconds: number[]
}

/** The API side of the queue. */
export interface RunQueue {
  /**
   * Queues a recorded run; resolves with its place (0: it starts as soon as a worker is free). At most
   * `userConcurrency` runs of one user run at once; the rest wait. Throws StudioError "unavailable" when the queue
   * cannot be reached (Redis down), so the run is refused rather than lost.
   */
  enqueue(job: RunJob): Promise<{ position: number }>
  /** Stops a run wherever it is (waiting, or on a worker in any process); false when it is neither. */
  cancel(runId: string): Promise<boolean>
  stats(): Promise<QueueStats>
  close(): Promise<void>
}

/** The worker side: takes jobs and runs them with the handler, `concurrency` at a time. */
export interface RunWorker {
  readonly workerId: string
  readonly active: number
  /** Stops taking jobs; waits up to `graceMs` for running ones, then aborts them (their runs end interrupted). */
  close(graceMs: number): Promise<void>
}

/** Live events between processes. Every event is stored in PostgreSQL before it is published. */
export interface RunEventBus {
  /** Sends a stored event to the run's listeners in every process. */
  publish(event: StudioEvent): Promise<void>
  /** Listens to a run's live events; resolves once listening (replay comes from the store). Returns the unsubscribe. */
  subscribe(runId: string, listener: (event: StudioEvent) => void): Promise<() => void>
  /**
   * Calls `listener` when live delivery resumes after a break in which events may have been missed (the bus lost its
   * connection and made it again); subscribers then read what they missed from the store. Returns the remover.
   */
  onResume?(listener: () => void): () => void
  close(): Promise<void>
}

/** A worker's id: host, pid and a random part (a restarted process on the same pid is another worker). */
export function createWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`
}
