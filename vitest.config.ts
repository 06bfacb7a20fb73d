import { availableParallelism } from "node:os"
import path from "node:path"
import { defineConfig } from "vitest/config"
import { DurationSequencer } from "./test/support/duration-sequencer"

const kitSrc = path.resolve(import.meta.dirname, "packages/kit/src")

const INTEGRATION = [
  "packages/server/test/**/*.test.ts",
  "packages/engine/test/pipeline-run.test.ts",
  "packages/engine/test/pipeline-edits.test.ts",
  "packages/engine/test/test-edited-code.test.ts",
  "packages/engine/test/hot-reload.test.ts",
  "packages/engine/test/tests-as-spec.test.ts",
  // The CLI's commands in-process on the shared engine (studio-binary.test.ts runs the binary in the node project).
  "packages/cli/test/studio-exec.test.ts",
  "packages/cli/test/studio-generate.test.ts",
  "packages/cli/test/studio-generate-errors.test.ts",
  "packages/cli/test/studio-generate-tests.test.ts",
  "packages/cli/test/studio-webapp1k.test.ts",
  // The web app's services against a real server (in Node): on the shared engine rather than one of the web worker's.
  "packages/web/src/services/studio-controller.test.ts",
]
const CORPUS = [
  "packages/engine/test/offline-corpus.test.ts",
  "packages/engine/test/model-answers-pipeline.test.ts",
  // The composer's own prompts through the whole toolchain (its reader's rules are tested in npm test).
  "packages/engine/test/composer-pipeline.test.ts",
]
/** Prompts no recipe was written for (`npm run test:heldout`): its pass count is the composer's held-out pass rate. */
const HELD_OUT = ["packages/engine/test/heldout-corpus.test.ts"]

export default defineConfig({
  test: {
    // Vitest's default is one worker less than the cores (one, on a 2-core machine). Most of these tests wait on
    // processes of their own (sandbox workers, the CLI, servers), so a worker per core plus one keeps both cores busy.
    maxWorkers: Math.max(2, availableParallelism() + 1),
    // The longest files first (test/support/duration-sequencer.ts), also on a fresh clone with no Vitest cache.
    sequence: { sequencer: DurationSequencer },
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          // No test here mocks modules, so files share workers: each worker loads the engine's and server's modules
          // (TypeScript, ESLint, Fastify, ...) once rather than once per file.
          isolate: false,
          include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["packages/web/**", "**/node_modules/**", ...INTEGRATION, ...CORPUS, ...HELD_OUT],
          // Timeouts only catch a hang: tests here start processes, sandboxes and servers, and on a busy machine
          // (this one's disk cache can be cold for a whole run) one took 45 s that takes 15 s on a quiet one.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Servers and pipelines on a real engine, where the sandbox is not what is tested: the files share their
        // test worker (isolate: false), so each worker warms one engine for all of them (test/support/shared-engine.ts).
        test: {
          name: "integration",
          environment: "node",
          include: INTEGRATION,
          isolate: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Every prompt of the offline corpus through the whole toolchain and the sandbox (`npm run test:corpus`,
        // run by .ci/run); `npm test` writes the same prompts without the toolchain (offline-corpus-generator.test.ts).
        test: {
          name: "corpus",
          environment: "node",
          include: CORPUS,
          maxConcurrency: 3,
          // As for node and integration: a timeout catches a hang; three whole runs at once on 2 loaded cores took
          // up to 120 s each.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "heldout",
          environment: "node",
          include: HELD_OUT,
          maxConcurrency: 3,
          // As for node and integration: a timeout catches a hang; three whole runs at once on 2 loaded cores took
          // up to 120 s each.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "kit",
          environment: "happy-dom",
          // Component tests clean up after each test (test-setup.ts): sharing workers saves loading React,
          // Radix and the DOM for every file.
          isolate: false,
          include: ["packages/kit/src/**/*.test.tsx"],
          setupFiles: [path.join(kitSrc, "test-setup.ts")],
        },
      },
      {
        // The offline recipes' component templates (recipes/<kind>/<Name>.tsx) rendered with their sample defaults,
        // importing the kit as generated components do (`@/…`).
        test: {
          name: "recipes",
          environment: "happy-dom",
          isolate: false,
          include: ["packages/engine/src/generators/offline/recipes/**/*.test.tsx"],
          setupFiles: [path.join(kitSrc, "test-setup.ts")],
        },
        resolve: { alias: [{ find: /^@\//, replacement: `${kitSrc}/` }] },
      },
      {
        // The studio in Debian's Chromium against a started server (`npm run test:e2e`); not part of `npm test`.
        test: {
          name: "e2e",
          environment: "node",
          include: ["e2e/**/*.e2e.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        // The web studio's components and stores (the kit's components come from @studio/kit by name).
        test: {
          name: "web",
          environment: "happy-dom",
          isolate: false,
          include: ["packages/web/src/**/*.test.{ts,tsx}"],
          exclude: ["**/node_modules/**", ...INTEGRATION],
          setupFiles: [path.resolve(import.meta.dirname, "packages/web/src/test-setup.ts")],
        },
      },
    ],
  },
})
