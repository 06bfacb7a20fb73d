import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { loadJwtSecret } from "./secret"

let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "studio-secret-"))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe("loadJwtSecret from the environment", () => {
  it("uses the env secret as is and writes no file", async () => {
    const envSecret = "s".repeat(32)
    const dataDir = path.join(root, "data")
    const loaded = await loadJwtSecret({ envSecret, dataDir })
    expect(loaded.source).toBe("env")
    expect(new TextDecoder().decode(loaded.secret)).toBe(envSecret)
    await expect(stat(dataDir)).rejects.toMatchObject({ code: "ENOENT" })
  })

  it("refuses an env secret under 32 characters with a clear message", async () => {
    await expect(loadJwtSecret({ envSecret: "too-short", dataDir: root })).rejects.toThrow(
      /STUDIO_JWT_SECRET must be at least 32 characters long \(it has 9\)/,
    )
  })

  it("treats an empty env secret as unset", async () => {
    await expect(loadJwtSecret({ envSecret: "", dataDir: root })).resolves.toMatchObject({
      source: "created",
    })
  })
})

describe("loadJwtSecret from the data folder", () => {
  it("creates the folder and a 48-byte secret in a 0600 file on the first start", async () => {
    const dataDir = path.join(root, "nested", ".studio")
    const loaded = await loadJwtSecret({ dataDir })
    const filePath = path.join(dataDir, "jwt-secret")
    expect(loaded).toMatchObject({ source: "created", filePath })
    expect(loaded.secret.byteLength).toBe(48)
    expect((await stat(filePath)).mode & 0o777).toBe(0o600)
    expect(Buffer.from((await readFile(filePath, "utf8")).trim(), "base64url")).toEqual(
      Buffer.from(loaded.secret),
    )
  })

  it("reuses the same secret on later starts", async () => {
    const first = await loadJwtSecret({ dataDir: root })
    const second = await loadJwtSecret({ dataDir: root })
    expect(second.source).toBe("file")
    expect(Buffer.from(second.secret)).toEqual(Buffer.from(first.secret))
  })

  it("gives each data folder its own random secret", async () => {
    const one = await loadJwtSecret({ dataDir: path.join(root, "one") })
    const two = await loadJwtSecret({ dataDir: path.join(root, "two") })
    expect(Buffer.from(one.secret)).not.toEqual(Buffer.from(two.secret))
  })

  it("agrees on one secret when several starts race", async () => {
    const loaded = await Promise.all(Array.from({ length: 8 }, () => loadJwtSecret({ dataDir: root })))
    const distinct = new Set(loaded.map((entry) => Buffer.from(entry.secret).toString("hex")))
    expect(distinct.size).toBe(1)
    expect(loaded.filter((entry) => entry.source === "created")).toHaveLength(1)
    expect((await readFile(path.join(root, "jwt-secret"), "utf8")).trim()).not.toBe("")
  })

  it("tightens a secret file others could read", async () => {
    await loadJwtSecret({ dataDir: root })
    const filePath = path.join(root, "jwt-secret")
    await chmod(filePath, 0o644)
    await loadJwtSecret({ dataDir: root })
    expect((await stat(filePath)).mode & 0o777).toBe(0o600)
  })

  it("refuses a damaged secret file with a message that says what to do", async () => {
    await writeFile(path.join(root, "jwt-secret"), "not base64!", { mode: 0o600 })
    await expect(loadJwtSecret({ dataDir: root })).rejects.toThrow(/is damaged; delete it/)
    await writeFile(path.join(root, "jwt-secret"), "c2hvcnQ", { mode: 0o600 })
    await expect(loadJwtSecret({ dataDir: root })).rejects.toThrow(/is damaged/)
  })
})
