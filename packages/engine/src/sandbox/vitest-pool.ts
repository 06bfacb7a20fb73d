import type { PoolOptions, PoolRunnerInitializer, PoolWorker } from "vitest/node"
import { isStudioMessage, type SandboxWorkerProcess } from "./worker-process"

type Listener = (arg: unknown) => void

/** Hands out warm sandbox workers; the host tells it which job the next one serves. */
export interface WorkerSource {
  take(): Promise<SandboxWorkerProcess>
  /** Called once per started worker so the job can kill it at its deadline and read its peak memory. */
  onWorkerStarted(worker: SandboxWorkerProcess): void
  /** Bytes of console output a worker may send before it is killed. */
  maxLogBytes: number
}

export const SANDBOX_POOL_NAME = "studio-sandbox"

/** A Vitest pool whose workers are pre-started sandboxed processes, each used for exactly one test file. */
export function createSandboxPool(source: WorkerSource): PoolRunnerInitializer {
  return {
    name: SANDBOX_POOL_NAME,
    createPoolWorker: (options: PoolOptions) => new SandboxPoolWorker(source, options),
  }
}

class SandboxPoolWorker implements PoolWorker {
  readonly name = SANDBOX_POOL_NAME
  // false: module code travels over IPC instead of temp files the sandbox cannot read
  readonly cacheFs = false
  private worker: SandboxWorkerProcess | undefined
  private readonly wrapped = new Map<Listener, Listener>()
  private readonly messageListeners = new Set<Listener>()
  private logBytes = 0
  private readonly awaiting = new Set<"start" | "stop">()

  constructor(
    private readonly source: WorkerSource,
    _options: PoolOptions,
  ) {}

  async start(): Promise<void> {
    this.worker = await this.source.take()
    this.source.onWorkerStarted(this.worker)
    // When the studio kills a worker (deadline, limit, cancel) while Vitest waits for its hello or its goodbye,
    // answer on the worker's behalf so that Vitest's runner does not wait a minute for a process that is gone.
    void this.worker.exited.then(() => this.answerForGoneWorker())
  }

  async stop(): Promise<void> {
    await this.worker?.kill()
  }

  send(message: unknown): void {
    const child = this.process.child
    const type = (message as { type?: unknown } | null)?.type
    if (type === "start" || type === "stop") this.awaiting.add(type)
    // The IPC channel can still look connected for a moment after the process has exited.
    if (child.connected && !this.process.hasExited) {
      child.send(message as never, (error) => {
        if (error) this.answerForGoneWorker()
      })
    } else {
      this.answerForGoneWorker()
    }
  }

  /** Vitest's start and stop wait for a reply; a killed worker gets them answered here (start as a failure). */
  private answerForGoneWorker(): void {
    const replies: unknown[] = []
    if (this.awaiting.has("start")) {
      replies.push({
        type: "started",
        __vitest_worker_response__: true,
        error: { name: "Error", message: "the sandbox worker stopped before it started" },
      })
    }
    if (this.awaiting.has("stop")) replies.push({ type: "stopped", __vitest_worker_response__: true })
    this.awaiting.clear()
    if (replies.length === 0) return
    queueMicrotask(() => {
      for (const reply of replies) for (const listener of this.messageListeners) listener(reply)
    })
  }

  on(event: string, callback: Listener): void {
    let listener = callback
    if (event === "message") {
      listener = (message) => {
        if (isStudioMessage(message)) return
        const type = (message as { type?: unknown } | null)?.type
        if (type === "started") this.awaiting.delete("start")
        if (type === "stopped") this.awaiting.delete("stop")
        if (this.exceedsLogBudget(message)) return
        callback(message)
      }
    }
    this.wrapped.set(callback, listener)
    if (event === "message") this.messageListeners.add(listener)
    this.process.child.on(event, listener)
  }

  off(event: string, callback: Listener): void {
    const listener = this.wrapped.get(callback) ?? callback
    this.wrapped.delete(callback)
    this.messageListeners.delete(listener)
    this.process.child.off(event, listener)
  }

  deserialize(data: unknown): unknown {
    return data
  }

  canReuse(): boolean {
    return false
  }

  private get process(): SandboxWorkerProcess {
    if (!this.worker) throw new Error("sandbox worker used before it started")
    return this.worker
  }

  // Console output crosses into the host as RPC calls; a test that prints without end would fill the host's memory.
  private exceedsLogBudget(message: unknown): boolean {
    if (typeof message !== "object" || message === null) return false
    const call = message as { m?: unknown; a?: unknown }
    if (call.m !== "onUserConsoleLog" || !Array.isArray(call.a)) return false
    const content = (call.a[0] as { content?: unknown } | undefined)?.content
    this.logBytes += typeof content === "string" ? content.length : 0
    if (this.logBytes <= this.source.maxLogBytes) return false
    void this.worker?.kill("output-limit")
    return true
  }
}
