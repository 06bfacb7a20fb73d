import { describe, expect, it } from "vitest"
import { API_ROUTES, matchRoute, routeUrl } from "./routes"

describe("API_ROUTES", () => {
  it("names each method and path once, every path parameter in its params schema", () => {
    const seen = new Set<string>()
    for (const [name, route] of Object.entries(API_ROUTES)) {
      const key = `${route.method} ${route.path}`
      expect(seen.has(key), key).toBe(false)
      seen.add(key)
      const names = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1])
      expect(Object.keys(route.params.shape).sort(), name).toEqual(names.sort())
      if (route.answers === "json") expect(route.status, name).toBeLessThan(300)
    }
  })
})

describe("routeUrl", () => {
  it("fills in and encodes the path's parts and appends the query", () => {
    expect(routeUrl(API_ROUTES.getVersion, { id: "a/b c" })).toBe("/api/versions/a%2Fb%20c")
    expect(routeUrl(API_ROUTES.runEvents, { id: "r1" }, { after: -1 })).toBe("/api/runs/r1/events?after=-1")
    expect(routeUrl(API_ROUTES.listProjects, {})).toBe("/api/projects")
  })
})

describe("matchRoute", () => {
  it("finds the route of a method and URL, with its parameters", () => {
    expect(matchRoute("get", "/api/runs/r1/events?after=3")).toMatchObject({
      name: "runEvents",
      params: { id: "r1" },
    })
    expect(matchRoute("PATCH", "/api/projects/p%201")).toMatchObject({
      name: "renameProject",
      params: { id: "p 1" },
    })
    expect(matchRoute("GET", "/api/projects/")).toBeUndefined()
    expect(matchRoute("DELETE", "/api/projects/p1")).toBeUndefined()
    expect(matchRoute("GET", "/api/nothing")).toBeUndefined()
  })
})
