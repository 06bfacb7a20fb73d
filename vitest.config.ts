import path from "node:path"
import { defineConfig } from "vitest/config"

const kitSrc = path.resolve(import.meta.dirname, "packages/engine/kit/src")

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: { "@": kitSrc } },
        test: {
          name: "kit",
          environment: "happy-dom",
          include: ["packages/engine/kit/src/**/*.test.tsx"],
          setupFiles: [path.join(kitSrc, "test-setup.ts")],
        },
      },
    ],
  },
})
