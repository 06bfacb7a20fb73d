// A stand-in for the studio in the "dies with the studio" case: it starts one sandboxed worker whose entry never
// yields (hostile code that ignores the closed IPC channel), says so, and waits to be killed.
import { detectIsolation } from "../../src/sandbox"
import { SandboxWorkerProcess } from "../../src/sandbox/worker-process"

const entry = process.argv[2]
if (!entry) throw new Error("usage: studio-with-one-worker.ts ENTRY")
// No cgroup: this process is killed before it could remove one.
const worker = new SandboxWorkerProcess({
  isolation: { ...detectIsolation(), cgroup: null },
  entry,
  readOnly: [],
  env: { PATH: "/usr/bin:/bin" },
  memoryBytes: 256 * 1024 * 1024,
  maxProcesses: 16,
  heapMegabytes: 64,
  maxOutputBytes: 1024 * 1024,
  nodePermission: false,
})
process.stdout.write(`started ${worker.child.pid ?? "?"}\n`)
setInterval(() => undefined, 1000)
