// `npm run dev`: the studio server (API + WebSocket on :8000) and Vite (the web app on :5173, proxying /api to the
// server) side by side. The server is told to accept the Vite page's origin on its WebSocket handshake.
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../../..", import.meta.url))
const viteOrigins = "http://localhost:5173,http://127.0.0.1:5173"
const children = [
  spawn(process.execPath, ["packages/cli/bin/studio.js", "serve"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, STUDIO_ORIGINS: process.env.STUDIO_ORIGINS ?? viteOrigins },
  }),
  spawn("npx", ["vite"], { cwd: new URL("..", import.meta.url), stdio: "inherit" }),
]
const stop = (code) => {
  for (const child of children) child.kill("SIGTERM")
  // Deliberate: both children were told to stop; this process has nothing else to do.
  process.exit(code)
}
for (const child of children) child.on("exit", (code) => stop(code ?? 0))
process.on("SIGINT", () => stop(0))
process.on("SIGTERM", () => stop(0))
