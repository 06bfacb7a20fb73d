import { createHash } from "node:crypto"
import { PREVIEW_CSP_DIRECTIVES } from "@studio/engine"
import type { FastifyRequest } from "fastify"

/** A policy as directive name -> source list, in the order it is sent. */
export type CspDirectives = Readonly<Record<string, readonly string[]>>

/** Where the preview pages are served; the studio page may frame this path and nothing else. */
export const PREVIEW_ROUTE_PREFIX = "/preview/"

// CSP's grammar for a directive value: visible ASCII except `;` and `,`, which would end the directive or the policy.
const DIRECTIVE_NAME = /^[a-z-]+$/
const SOURCE_TOKEN = /^[\x21-\x2b\x2d-\x3a\x3c-\x7e]+$/

/** The header value for a policy; throws on a token that could end a directive or start another. */
export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => {
      if (!DIRECTIVE_NAME.test(name)) throw new Error(`invalid CSP directive name: ${JSON.stringify(name)}`)
      for (const source of sources)
        if (!SOURCE_TOKEN.test(source))
          throw new Error(`invalid CSP source in ${name}: ${JSON.stringify(source)}`)
      return [name, ...sources].join(" ")
    })
    .join("; ")
}

// A Host header that is a plain host name, IPv4 or bracketed IPv6 address with an optional port.
const PLAIN_HOST = /^(?:[a-z0-9](?:[a-z0-9.-]{0,252})|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i

/**
 * The origin the browser loaded the page from, as the request says (protocol + Host); undefined when the Host header
 * is missing or not a plain `host[:port]`, so nothing a client sends can put another directive into a policy.
 */
export function requestOrigin(request: Pick<FastifyRequest, "protocol" | "host">): string | undefined {
  const host = request.host
  if (!host || !PLAIN_HOST.test(host)) return undefined
  try {
    return new URL(`${request.protocol}://${host}`).origin
  } catch {
    return undefined
  }
}

/**
 * The studio page's policy (index.html, every client-side route, the no-build page): its own scripts only and no
 * inline script; inline styles are allowed because CodeMirror, motion and Radix (its scroll areas inject a <style>)
 * set them, and with every fetch limited to the studio's origin a style cannot send anything elsewhere. Frames only
 * from the preview route: a CSP source may carry a path, so it is the studio's origin (from the request, and each
 * extra studio origin the operator allowed, e.g. a proxy's public one) plus `/preview/`; `'self'` when the request
 * does not say a usable origin. `'self'` in connect-src covers the WebSocket on the same host (ws:/wss:, CSP3).
 */
export function studioPagePolicy(origin: string | undefined, extraOrigins: readonly string[] = []): string {
  const origins = [...new Set([...(origin ? [origin] : []), ...extraOrigins])]
  const frames = origins.length ? origins.map((origin) => `${origin}${PREVIEW_ROUTE_PREFIX}`) : ["'self'"]
  return serializeCsp({
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": frames,
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  })
}

/**
 * A preview page's policy: the engine's (no network at all, its own inline scripts and styles, data:/blob: images),
 * sent as a header as well as the page's meta tag, plus what only a header can say: only the studio page that asked
 * for it may frame it.
 */
export function previewPagePolicy(parentOrigin: string): string {
  return serializeCsp({ ...PREVIEW_CSP_DIRECTIVES, "frame-ancestors": [parentOrigin] })
}

/** `'sha256-…'` for an inline script, so a fixed page's one script runs without `'unsafe-inline'`. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`
}
