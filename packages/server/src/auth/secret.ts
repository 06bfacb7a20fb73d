import { randomBytes } from "node:crypto"
import { chmod, link, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises"
import path from "node:path"

export const JWT_SECRET_FILE_NAME = "jwt-secret"
const MIN_ENV_SECRET_LENGTH = 32
const GENERATED_SECRET_BYTES = 48
const BASE64URL = /^[A-Za-z0-9_-]+$/

export interface JwtSecret {
  secret: Uint8Array
  /** Where it came from: the environment, a file made just now, or the file made by an earlier start. */
  source: "env" | "created" | "file"
  /** The file holding the secret, when it is one. */
  filePath?: string
}

/**
 * The JWT signing secret: `envSecret` when set (at least 32 characters), else a random 48-byte secret generated on
 * the first start and kept in `${dataDir}/jwt-secret` (mode 0600), so tokens stay valid across restarts.
 */
export async function loadJwtSecret(options: { envSecret?: string; dataDir: string }): Promise<JwtSecret> {
  const { envSecret } = options
  if (envSecret !== undefined && envSecret !== "") {
    if (envSecret.length < MIN_ENV_SECRET_LENGTH) {
      throw new Error(
        `STUDIO_JWT_SECRET must be at least ${MIN_ENV_SECRET_LENGTH} characters long (it has ${envSecret.length}); ` +
          "generate one with: openssl rand -base64 48",
      )
    }
    return { secret: new TextEncoder().encode(envSecret), source: "env" }
  }

  const filePath = path.join(options.dataDir, JWT_SECRET_FILE_NAME)
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 })
  const created = randomBytes(GENERATED_SECRET_BYTES).toString("base64url")
  // Written whole to a private temporary file, then linked into place: link() fails when the file exists, so two
  // servers starting at once agree on one secret and neither ever reads a half-written file.
  const temporaryPath = `${filePath}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`
  await writeFile(temporaryPath, `${created}\n`, { mode: 0o600 })
  try {
    await link(temporaryPath, filePath)
    return { secret: decodeSecret(created), source: "created", filePath }
  } catch (error) {
    if (!isAlreadyExists(error)) throw error
  } finally {
    await rm(temporaryPath, { force: true })
  }
  return { secret: await readSecretFile(filePath), source: "file", filePath }
}

async function readSecretFile(filePath: string): Promise<Uint8Array> {
  const { mode } = await stat(filePath)
  // Nobody but the owner should read a signing key, whoever created the file.
  if ((mode & 0o077) !== 0) await chmod(filePath, 0o600)
  const text = (await readFile(filePath, "utf8")).trim()
  const secret = BASE64URL.test(text) ? decodeSecret(text) : new Uint8Array()
  if (secret.byteLength < MIN_ENV_SECRET_LENGTH) {
    throw new Error(
      `The JWT secret file ${filePath} is damaged; delete it to generate a new one (this signs everyone out).`,
    )
  }
  return secret
}

function decodeSecret(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64url"))
}

function isAlreadyExists(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "EEXIST"
}
