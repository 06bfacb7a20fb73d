import type { SandboxWorkerProcess } from "./worker-process"

/** Keeps `size` sandbox workers started and warm; each is handed out once and replaced at once. */
export class WorkerSupply {
  private idle: SandboxWorkerProcess[] = []
  private closed = false

  constructor(
    private readonly spawnWorker: () => SandboxWorkerProcess,
    private readonly size: number,
  ) {}

  /** Starts workers until `size` are waiting. */
  fill(): void {
    if (this.closed) return
    this.idle = this.idle.filter((worker) => !worker.hasExited)
    while (this.idle.length < this.size) this.idle.push(this.spawnWorker())
  }

  /** Resolves when every waiting worker has finished warming up (or failed to). */
  async whenWarm(): Promise<void> {
    await Promise.all(this.idle.map((worker) => worker.ready.catch(() => undefined)))
  }

  /**
   * A warm worker for one job: a waiting one when there is one, else a new one. The supply is refilled by `fill()`
   * when the job is over, so that a replacement's start-up (a second of CPU) does not compete with the job.
   */
  async take(): Promise<SandboxWorkerProcess> {
    if (this.closed) throw new Error("the sandbox is closed")
    this.idle = this.idle.filter((worker) => !worker.hasExited)
    const worker = this.idle.shift() ?? this.spawnWorker()
    await worker.ready
    return worker
  }

  async close(): Promise<void> {
    this.closed = true
    const idle = this.idle
    this.idle = []
    await Promise.all(idle.map((worker) => worker.kill()))
  }
}
