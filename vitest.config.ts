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
          exclude: ["packages/web/**", "**/node_modules/**"],
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
        // The web studio's components and stores, with the kit's components under `@/` as in its Vite config.
        resolve: { alias: { "@": kitSrc } },
        test: {
          name: "web",
          environment: "happy-dom",
          include: ["packages/web/src/**/*.test.{ts,tsx}"],
          setupFiles: [path.resolve(import.meta.dirname, "packages/web/src/test-setup.ts")],
        },
      },
    ],
  },
})
