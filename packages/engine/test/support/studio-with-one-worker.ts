// A stand-in for the studio in the "dies with the studio" case: it starts one sandboxed worker whose entry never
// yields (hostile code that ignores the closed IPC channel), says so, and waits to be killed.
//
// It takes the isolation the test detected (as JSON) instead of probing again: under a loaded test run a probe
// can time out and pick another backend, and the test would then look for processes that were never started.
import type { IsolationReport } from "../../src/sandbox"
import { SandboxWorkerProcess } from "../../src/sandbox/worker-process"

const [entry, isolationJson] = process.argv.slice(2)
if (!entry || !isolationJson) throw new Error("usage: studio-with-one-worker.ts ENTRY ISOLATION_JSON")
const isolation = JSON.parse(isolationJson) as IsolationReport
// No cgroup: this process is killed before it could remove one.
const worker = new SandboxWorkerProcess({
  isolation: { ...isolation, cgroup: null },
  entry,
  readOnly: [],
  env: { PATH: "/usr/bin:/bin" },
  memoryBytes: 256 * 1024 * 1024,
  maxProcesses: 16,
  heapMegabytes: 64,
  maxOutputBytes: 1024 * 1024,
  nodePermission: false,
})
process.stdout.write(`started ${isolation.backend} ${worker.child.pid ?? "?"}\n`)
// The worker must outlive this process; if it ends first, the test is told why.
void worker.exited.then((exit) =>
  process.stdout.write(
    `worker exited: code ${exit.code}, signal ${exit.signal}: ${worker.capturedOutput.trim().slice(0, 500)}\n`,
  ),
)
setInterval(() => undefined, 1000)
