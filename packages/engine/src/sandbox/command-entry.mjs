// The sandboxed launcher of a custom plugin's command. It starts inside the sandbox (bubblewrap, unshare or a plain
// process), says it is ready, takes one job over the IPC channel, writes the job's files into a fresh folder of its
// private scratch space, runs the command there with a clean environment and exits with the command's status.
// Plain JavaScript, so that nothing but Node itself runs inside the sandbox.
import { spawn } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import { constants } from "node:os"
import path from "node:path"

const scratch = process.cwd()
const jobDir = path.join(scratch, "job")
let child

process.on("disconnect", () => {
  child?.kill("SIGKILL")
  process.exit(1)
})

process.once("message", (message) => {
  if (message?.__studio !== "command") process.exit(2)
  try {
    mkdirSync(jobDir, { recursive: true })
    for (const [file, content] of Object.entries(message.files)) {
      const target = path.join(jobDir, file)
      // The host checked every path; a second look costs nothing.
      if (!target.startsWith(jobDir + path.sep)) throw new Error(`unsafe job path: ${file}`)
      mkdirSync(path.dirname(target), { recursive: true })
      writeFileSync(target, content)
    }
  } catch (error) {
    process.stderr.write(`the plugin's job folder could not be written: ${error.message}\n`)
    process.exit(125)
  }
  const [program, ...args] = message.argv
  // Where the sandbox has no namespaces, Node's permission model keeps a Node command out of everything but its own
  // folder (read) and the scratch space (read and write): defence in depth, not a boundary.
  const permission =
    message.nodePermission && program === process.execPath
      ? [
          "--experimental-permission",
          "--disable-warning=ExperimentalWarning",
          `--allow-fs-read=${message.pluginDir}`,
          `--allow-fs-read=${scratch}`,
          `--allow-fs-write=${scratch}`,
        ]
      : []
  child = spawn(program, [...permission, ...args], {
    cwd: jobDir,
    env: { ...message.env, HOME: scratch, TMPDIR: scratch },
    stdio: ["ignore", "inherit", "inherit"],
  })
  child.once("error", (error) => {
    process.stderr.write(`the plugin's command could not start: ${error.code ?? error.message}\n`)
    process.exit(127)
  })
  child.once("exit", (code, signal) => {
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0))
  })
})

process.send({ __studio: "ready", warmupMs: 0 })
