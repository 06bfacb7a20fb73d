import { describe, expect, it } from "vitest"
import { ApiClient, ApiRequestError } from "./api-client"

const ID = "Cm-30ittDy7zV4LNM77Iqb8UvHV7wXzt"

/** A client whose server answers `body` to every request, recording what it was asked. */
function clientAnswering(body: unknown, baseUrl?: string) {
  const calls: { url: string; init: RequestInit | undefined }[] = []
  const client = new ApiClient({
    ...(baseUrl === undefined ? {} : { baseUrl }),
    getToken: () => "token",
    fetch: async (url, init) => {
      calls.push({ url: String(url), init })
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { "content-type": "application/json" },
      })
    },
  })
  return { client, calls }
}

const request = {
  files: { "src/components/A.tsx": "export default () => null\n" },
  parentOrigin: "http://x.test",
}

describe("ApiClient.buildPreview", () => {
  it("answers the page's address on the API's server, with its expiry and diagnostics", async () => {
    const answer = { url: `/preview/${ID}`, expiresAt: "2026-01-01T00:05:00.000Z", diagnostics: [] }
    const own = clientAnswering(answer)
    expect(await own.client.buildPreview(request)).toEqual(answer)
    expect(own.calls[0]?.url).toBe("/api/preview")
    expect(JSON.parse(String(own.calls[0]?.init?.body))).toEqual(request)
    const remote = clientAnswering(answer, "http://127.0.0.1:8000")
    expect((await remote.client.buildPreview(request)).url).toBe(`http://127.0.0.1:8000/preview/${ID}`)
  })

  it("refuses an answer that would point the frame anywhere but a preview page, or carries the page inline", async () => {
    for (const body of [
      { url: `https://evil.example/preview/${ID}`, expiresAt: "x", diagnostics: [] },
      { url: `//evil.example/preview/${ID}`, expiresAt: "x", diagnostics: [] },
      { url: "/api/projects", expiresAt: "x", diagnostics: [] },
      { url: `/preview/${ID}/../../api`, expiresAt: "x", diagnostics: [] },
      { url: "/preview/short", expiresAt: "x", diagnostics: [] },
      { html: "<p>old server</p>", diagnostics: [] },
    ]) {
      const error = await clientAnswering(body)
        .client.buildPreview(request)
        .catch((thrown: unknown) => thrown)
      expect(error, JSON.stringify(body)).toBeInstanceOf(ApiRequestError)
      expect((error as ApiRequestError).status).toBe(502)
    }
  })
})
