// The sandboxed test worker. It is started before a job arrives: it builds the DOM environment and loads React,
// Testing Library and Vitest's runtime, then serves exactly one Vitest run over the IPC channel and is thrown away.
// It is plain JavaScript so that nothing but Node itself runs inside the sandbox.
import { Console } from "node:console"
import { builtinEnvironments, populateGlobal } from "vitest/runtime"
import { init, runBaseTests, setupEnvironment } from "vitest/worker"

const exitWorker = process.exit.bind(process)
const processSend = process.send.bind(process)
const processOn = process.on.bind(process)
const processOff = process.off.bind(process)
const processRemoveAllListeners = process.removeAllListeners.bind(process)

processOn("error", (error) => {
  if (error?.code === "ERR_IPC_CHANNEL_CLOSED" || error?.code === "EPIPE") exitWorker(1)
})
processOn("disconnect", () => exitWorker(1))

// The environment the host expects Vitest to ask for; built ahead of time only when it matches.
const expected = JSON.parse(process.env.STUDIO_WORKER_ENVIRONMENT ?? '{"name":"happy-dom","options":{}}')
// Off for one-shot runs, where the job arrives at once and loading modules it may not use only costs CPU.
const preload = process.env.STUDIO_WORKER_PRELOAD !== "0"
// happy-dom bundled into one file by the host (happy-dom-bundle.ts), which loads in a fifth of the CPU time.
const happyDomBundle = process.env.STUDIO_WORKER_HAPPY_DOM
delete process.env.STUDIO_WORKER_ENVIRONMENT
delete process.env.STUDIO_WORKER_PRELOAD
delete process.env.STUDIO_WORKER_HAPPY_DOM

// Vitest's own happy-dom environment (vitest/dist/chunks/index.*.js, `happy.setup`), with the one difference that
// happy-dom comes from the bundle: the same Window options, the same globals, the same teardown.
if (happyDomBundle) {
  const published = builtinEnvironments["happy-dom"]
  builtinEnvironments["happy-dom"] = {
    ...published,
    async setup(global, { happyDOM = {} }) {
      const { Window, GlobalWindow } = await import(happyDomBundle)
      const win = new (GlobalWindow || Window)({
        ...happyDOM,
        console: console && global.console ? global.console : undefined,
        url: happyDOM.url || "http://localhost:3000",
        settings: { ...happyDOM.settings, disableErrorCapturing: true },
      })
      const { keys, originals } = populateGlobal(global, win, {
        bindFunctions: true,
        additionalKeys: [
          "Request",
          "Response",
          "MessagePort",
          "fetch",
          "Headers",
          "AbortController",
          "AbortSignal",
          "URL",
          "URLSearchParams",
          "FormData",
        ],
      })
      return {
        async teardown(global) {
          if (win.close && win.happyDOM.abort) {
            await win.happyDOM.abort()
            win.close()
          } else win.happyDOM.cancelAsync()
          keys.forEach((key) => delete global[key])
          originals.forEach((value, key) => (global[key] = value))
        },
      }
    },
  }
}

// Modules that read the DOM when they load (react-dom checks `window` at import time, Testing Library binds
// `screen` to `document.body`), so they are loaded only after the environment exists, as under plain Vitest.
const WARM_MODULES = [
  "react",
  "react/jsx-runtime",
  "react/jsx-dev-runtime",
  "react-dom",
  "react-dom/client",
  "react-dom/test-utils",
  "@testing-library/dom",
  "@testing-library/react",
  "@testing-library/user-event",
  "@testing-library/jest-dom/matchers",
  "lucide-react",
  "clsx",
  "tailwind-merge",
  "class-variance-authority",
  "radix-ui",
  // The accessibility check's engine (axe-check-setup.ts); it binds to the window it finds when it loads.
  "axe-core/axe.min.js",
]

const untraced = { $: (_name, a, b) => (typeof a === "function" ? a() : b()) }

async function prepare() {
  const started = performance.now()
  const teardown = await setupEnvironment({
    environment: { name: expected.name, options: null },
    config: { experimental: {}, environmentOptions: expected.options ?? {}, serializedDefines: "" },
    traces: untraced,
  })
  // Under Vitest, tests see a `new Console(...)` (no timeStamp, createTask, profile), and React decides at import
  // time whether to use those; so the modules are loaded while the console has the shape Vitest will give it.
  const nodeConsole = globalThis.console
  globalThis.console = new Console({ stdout: process.stdout, stderr: process.stderr })
  try {
    for (const specifier of preload ? WARM_MODULES : []) {
      try {
        await import(specifier)
      } catch {
        // a missing optional package just is not pre-loaded; the test reports the import error itself
      }
    }
  } finally {
    globalThis.console = nodeConsole
  }
  processSend({ __studio: "ready", warmupMs: Math.round(performance.now() - started) })
  return teardown
}

const prepared = prepare()

init({
  post: (message) => processSend(message),
  on: (callback) => processOn("message", callback),
  off: (callback) => processOff("message", callback),
  teardown: () => processRemoveAllListeners("message"),
  runTests: (state, traces) => executeTests("run", state, traces),
  collectTests: (state, traces) => executeTests("collect", state, traces),
  async setup(context) {
    const teardown = await prepared
    const options = context.environment.options ?? context.config.environmentOptions ?? {}
    const matches =
      context.environment.name === expected.name &&
      !context.config.serializedDefines &&
      !context.config.chaiConfig &&
      context.config.experimental?.viteModuleRunner !== false &&
      JSON.stringify(options) === JSON.stringify(expected.options ?? {})
    if (matches) return teardown
    await teardown()
    return setupEnvironment(context)
  },
})

async function executeTests(method, state, traces) {
  try {
    await runBaseTests(method, state, traces)
  } finally {
    process.exit = exitWorker
  }
}
