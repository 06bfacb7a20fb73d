import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { chromium, type Browser } from "playwright-core"

export const repoRoot = path.resolve(import.meta.dirname, "../..")
/** Where the e2e suite saves its screenshots (gitignored). */
export const outputDir = path.join(repoRoot, "test-output/e2e")

/**
 * Builds the web app the server serves, so the suite tests the code as it is now, not an older build; into `outDir`
 * (served with STUDIO_WEB_DIR) or packages/web/dist. NODE_ENV is set: under Vitest it is "test", and Vite would
 * build React's development runtime.
 */
export function buildWebApp(outDir?: string): void {
  const vite = path.join(repoRoot, "node_modules/vite/bin/vite.js")
  const args = [vite, "build", "packages/web", "--logLevel", "error"]
  if (outDir) args.push("--outDir", outDir, "--emptyOutDir")
  const result = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
    timeout: 300_000,
  })
  if (result.status !== 0)
    throw new Error(
      `vite build failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`,
    )
}

export interface RunningStudio {
  url: string
  dataDir: string
  stop(): Promise<void>
}

/**
 * The studio as a person starts it (`studio serve`): a new process on embedded defaults — PGlite in a fresh folder,
 * the offline generator, no Redis — on a free port.
 */
export async function startStudio(env: Record<string, string> = {}): Promise<RunningStudio> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-e2e-"))
  const child = spawn(process.execPath, [path.join(repoRoot, "packages/cli/bin/studio.js"), "serve"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      STUDIO_DATA_DIR: dataDir,
      STUDIO_PROVIDER: "offline",
      LOG_LEVEL: "info",
      DATABASE_URL: "",
      REDIS_URL: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  const stop = async () => {
    await stopProcess(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the studio did not start in 120 s:\n${output.slice(-4000)}`)),
      120_000,
    )
    const read = (chunk: Buffer) => {
      output += chunk
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on("data", read)
    child.stderr!.on("data", read)
    child.on("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`the studio exited with ${code}:\n${output.slice(-4000)}`))
    })
  }).catch(async (error: unknown) => {
    await stop()
    throw error
  })
  return { url, dataDir, stop }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once("exit", resolve))
  child.kill("SIGTERM")
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000)
  await exited
  clearTimeout(timer)
}

/** Debian's Chromium (not Playwright's download), headless, as the machine notes prescribe. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  })
}

export function screenshotPath(name: string): string {
  mkdirSync(outputDir, { recursive: true })
  return path.join(outputDir, `${name}.png`)
}
