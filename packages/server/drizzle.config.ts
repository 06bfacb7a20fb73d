// drizzle-kit reads this to turn src/db/schema.ts into SQL migrations: `npx drizzle-kit generate` in packages/server.
import { defineConfig } from "drizzle-kit"

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./src/db/migrations",
})
