import tailwindcss from "@tailwindcss/vite"
import react from "@vitejs/plugin-react"
import { defineConfig } from "vite"

const server = process.env.STUDIO_DEV_SERVER ?? "http://127.0.0.1:8000"

// The studio reuses the kit's shadcn/Radix components (`@studio/kit/components/ui/*`) so the studio and what it
// generates share one design system; the studio's own modules import each other relatively.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: false },
  server: {
    port: 5173,
    proxy: {
      "/api/ws": { target: server.replace(/^http/, "ws"), ws: true, changeOrigin: false },
      "/api": { target: server, changeOrigin: false },
      // The preview pages the iframe loads (built by POST /api/preview, served by the server for a few minutes).
      "/preview/": { target: server, changeOrigin: false },
    },
  },
})
