import { SignJWT, jwtVerify } from "jose"
import { StudioError } from "@studio/protocol"

const ALGORITHM = "HS256"
const DEFAULT_TTL_SECONDS = 7 * 24 * 60 * 60
/** HS256 needs a key at least as long as its 256-bit output to be worth its name. */
const MIN_SECRET_BYTES = 32

export interface TokenServiceOptions {
  secret: Uint8Array | string
  issuer: string
  audience: string
  ttlSeconds?: number
}

export interface TokenUser {
  id: string
  email: string
}

export interface VerifiedToken {
  userId: string
  email: string
}

export interface TokenService {
  sign(user: TokenUser): Promise<string>
  /** The token's user; throws `StudioError("unauthorized")` for any token that is not one of ours and current. */
  verify(token: string): Promise<VerifiedToken>
}

/** Signs and verifies the studio's session tokens: HS256 only, with issuer, audience and expiry always checked. */
export function createTokenService(options: TokenServiceOptions): TokenService {
  const key = typeof options.secret === "string" ? new TextEncoder().encode(options.secret) : options.secret
  if (key.byteLength < MIN_SECRET_BYTES) {
    throw new Error(`The JWT secret must be at least ${MIN_SECRET_BYTES} bytes long.`)
  }
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS
  const { issuer, audience } = options

  return {
    sign(user) {
      return new SignJWT({ email: user.email })
        .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
        .setSubject(user.id)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key)
    },

    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALGORITHM],
          issuer,
          audience,
          requiredClaims: ["sub", "exp", "iat"],
        })
        if (typeof payload.sub !== "string" || payload.sub === "" || typeof payload.email !== "string") {
          throw new Error("token claims have the wrong shape")
        }
        return { userId: payload.sub, email: payload.email }
      } catch (error) {
        // One message for every failure: a client learns nothing about which check a forged token failed.
        throw new StudioError("unauthorized", "The session token is invalid or has expired.", {
          cause: error,
        })
      }
    },
  }
}
