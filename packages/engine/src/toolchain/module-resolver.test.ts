import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { KIT_DIR } from "./kit-paths"
import {
  checkFileImports,
  checkJobImports,
  createModuleResolver,
  findImports,
  moduleResolverFor,
  refusalOf,
  resolveJobSpecifier,
  resolveKitSpecifier,
} from "./module-resolver"

const KIT_SRC = path.join(KIT_DIR, "src")
const COMPONENT = "src/components/Card.tsx"
const TEST = "src/components/Card.test.tsx"

const scratch = mkdtempSync(path.join(tmpdir(), "studio-resolver-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe("resolveJobSpecifier", () => {
  it("sends the kit aliases to the kit's sources, other @/ and relative paths to the job, names to packages", () => {
    expect(resolveJobSpecifier("@/components/ui/button", COMPONENT)).toEqual({
      ok: true,
      target: { type: "kit", path: path.join(KIT_SRC, "components/ui/button") },
    })
    expect(resolveJobSpecifier("@/lib/utils", COMPONENT)).toEqual({
      ok: true,
      target: { type: "kit", path: path.join(KIT_SRC, "lib/utils") },
    })
    expect(resolveJobSpecifier("@/components/Counter", COMPONENT)).toEqual({
      ok: true,
      target: { type: "job", path: "src/components/Counter" },
    })
    expect(resolveJobSpecifier("../hooks/use-count", COMPONENT)).toEqual({
      ok: true,
      target: { type: "job", path: "src/hooks/use-count" },
    })
    for (const [specifier, name] of [
      ["react", "react"],
      ["react-dom/client", "react-dom"],
      ["react/jsx-runtime", "react"],
      ["lucide-react", "lucide-react"],
      ["class-variance-authority", "class-variance-authority"],
    ]) {
      expect(resolveJobSpecifier(specifier ?? "", COMPONENT), specifier).toEqual({
        ok: true,
        target: { type: "package", name },
      })
    }
  })

  it("lets tests, and only tests, import vitest and Testing Library", () => {
    expect(resolveJobSpecifier("vitest", TEST).ok).toBe(true)
    expect(resolveJobSpecifier("@testing-library/user-event", TEST).ok).toBe(true)
    expect(resolveJobSpecifier("@testing-library/jest-dom/vitest", TEST).ok).toBe(true)
    expect(resolveJobSpecifier("vitest", COMPONENT)).toMatchObject({ ok: false })
    expect(resolveJobSpecifier("@testing-library/react", COMPONENT)).toMatchObject({ ok: false })
  })

  it("adds the router, and fetch-mock in tests, only when the caller says the tests were given", () => {
    const testsAsSpec = { testsAsSpec: true }
    expect(resolveJobSpecifier("react-router-dom", COMPONENT)).toMatchObject({ ok: false })
    expect(resolveJobSpecifier("fetch-mock", TEST)).toMatchObject({ ok: false })
    expect(resolveJobSpecifier("react-router-dom", COMPONENT, testsAsSpec).ok).toBe(true)
    expect(resolveJobSpecifier("fetch-mock", TEST, testsAsSpec).ok).toBe(true)
    expect(resolveJobSpecifier("fetch-mock", COMPONENT, testsAsSpec)).toMatchObject({ ok: false })
    // Nothing else comes with the mode: the router's own internals stay out of generated code.
    expect(resolveJobSpecifier("react-router", COMPONENT, testsAsSpec)).toMatchObject({ ok: false })
  })

  it("refuses every way out, each with its reason", () => {
    const refusals: [string, RegExp][] = [
      ["@/lib/../../../../../../tmp/x.json", /out of the kit's sources/],
      ["@/components/ui/../../../../../etc/passwd", /out of the kit's sources/],
      ["@/../../secret", /out of the job/],
      ["../../../../etc/hostname", /out of the job/],
      ["/etc/passwd", /absolute path points outside the job folder/],
      ["file:///etc/passwd", /URLs/],
      ["data:text/javascript,export default 1", /URLs/],
      ["https://example.com/x.js", /URLs/],
      ["react?raw", /queries/],
      ["@/components/ui/button?url", /queries/],
      ["./Counter?inline", /queries/],
      ["./Counter#x", /fragments/],
      ["#internal", /fragments/],
      ["react/../../../../tmp/x", /`\.\.` segments/],
      ["react//x", /empty/],
      ["node:fs", /built-ins/],
      ["fs", /built-ins/],
      ["child_process", /built-ins/],
      ["axios", /not a package generated code may import/],
      ["reactx", /not a package/],
      ["..\\..\\x", /backslashes/],
      ["./%2e%2e/%2e%2e/%2e%2e/etc/passwd", /percent-encoded/],
      ["", /empty module name/],
    ]
    for (const [specifier, reason] of refusals) {
      const verdict = resolveJobSpecifier(specifier, COMPONENT)
      expect(verdict.ok, specifier).toBe(false)
      if (!verdict.ok) expect(verdict.reason, specifier).toMatch(reason)
    }
  })

  it("lets Node built-ins through only when asked (the sandbox's guard), and nothing else", () => {
    expect(resolveJobSpecifier("node:fs", TEST, { allowBuiltins: true })).toMatchObject({ ok: true })
    expect(resolveJobSpecifier("fs", TEST, { allowBuiltins: true })).toMatchObject({ ok: true })
    expect(resolveJobSpecifier("node:not-a-module", TEST, { allowBuiltins: true })).toMatchObject({
      ok: false,
    })
    expect(resolveJobSpecifier("/etc/passwd", TEST, { allowBuiltins: true })).toMatchObject({ ok: false })
    expect(resolveJobSpecifier("axios", TEST, { allowBuiltins: true })).toMatchObject({ ok: false })
  })
})

describe("resolveKitSpecifier", () => {
  const button = path.join(KIT_SRC, "components/ui/button.tsx")

  it("keeps the kit's own imports inside its sources and lets it use its dependencies", () => {
    expect(resolveKitSpecifier("@/lib/utils", button)).toEqual({
      ok: true,
      target: { type: "kit", path: path.join(KIT_SRC, "lib/utils") },
    })
    expect(resolveKitSpecifier("./dialog", button)).toEqual({
      ok: true,
      target: { type: "kit", path: path.join(KIT_SRC, "components/ui/dialog") },
    })
    expect(resolveKitSpecifier("radix-ui", button)).toEqual({
      ok: true,
      target: { type: "package", name: "radix-ui" },
    })
    expect(resolveKitSpecifier("../../../package.json", button)).toMatchObject({ ok: false })
    expect(resolveKitSpecifier("@/../tsconfig.json", button)).toMatchObject({ ok: false })
    expect(resolveKitSpecifier("/etc/passwd", button)).toMatchObject({ ok: false })
  })
})

describe("findImports", () => {
  it("finds every form a script can name a module in, at its line and column", () => {
    const source = [
      'import a from "a"', // 1
      "import { b } from 'b'", // 2
      'import "c"', // 3
      'export * from "d"', // 4
      'const e = import("e")', // 5
      'import json from "./x" with { type: "text" }', // 6
      'const f = require("fs")', // 7
      "const name = 'x'; const g = import(name)", // 8
      'type T = typeof import("/tmp/y")', // 9
      'const h = import.meta.glob("./*.ts")', // 10
      'vi.mock("../../x")', // 11
      'import fs = require("fs")', // 12
      "const i = import(`./tpl`)", // 13
      'import type { J } from "@/components/ui/button"', // 14
      'const k = import("k", { with: { type: "json" } })', // 15
      'const l = import.meta.resolve("./l")', // 16
    ].join("\n")
    const found = findImports("src/components/A.tsx", source).map((entry) => [
      entry.line,
      entry.column,
      entry.form,
      entry.specifier,
      entry.hasAttributes,
    ])
    expect(found).toEqual([
      [1, 15, "import", "a", false],
      [2, 19, "import", "b", false],
      [3, 8, "import", "c", false],
      [4, 15, "export", "d", false],
      [5, 18, "dynamic-import", "e", false],
      [6, 18, "import", "./x", true],
      [7, 19, "require", "fs", false],
      [8, 36, "dynamic-import", undefined, false],
      [9, 24, "type-import", "/tmp/y", false],
      [10, 11, "glob", undefined, false],
      [11, 9, "mock", "../../x", false],
      [12, 21, "require", "fs", false],
      [13, 18, "dynamic-import", "./tpl", false],
      [14, 24, "import", "@/components/ui/button", false],
      [15, 18, "dynamic-import", "k", true],
      [16, 11, "meta-resolve", undefined, false],
    ])
  })

  it("finds triple-slash references, which the type checker would read", () => {
    const found = findImports(
      "src/a.ts",
      '/// <reference path="../../../etc/x.d.ts" />\n/// <reference types="node" />\nexport {}\n',
    )
    expect(found.map((entry) => [entry.line, entry.form, entry.specifier])).toEqual([
      [1, "path-reference", "../../../etc/x.d.ts"],
      [2, "types-reference", "node"],
    ])
  })

  it("finds @import, url() and Tailwind's file directives in CSS through Lightning CSS", () => {
    const css = [
      '@import "tailwindcss";',
      '@import url("/etc/passwd");',
      ".a { background: url(../../../../etc/passwd); }",
      '.b { background-image: url("data:image/png;base64,AAAA"); filter: url(#glow); }',
      '@source "../../../../etc";',
      "/* url(/not/a/url) */",
    ].join("\n")
    expect(
      findImports("src/styles.css", css).map((entry) => [entry.line, entry.form, entry.specifier]),
    ).toEqual([
      [1, "css-import", "tailwindcss"],
      [2, "css-import", "/etc/passwd"],
      [3, "css-url", "../../../../etc/passwd"],
      [4, "css-url", "data:image/png;base64,AAAA"],
      [4, "css-url", "#glow"],
      [5, "css-directive", undefined],
    ])
  })

  it("finds url()s Lightning CSS drops or does not visit: overridden declarations, image-set()", () => {
    const css = [
      ".a { background: url(/one); background: red; }",
      ".a { background: url(/two); }",
      ".b { mask: image-set(url(/three) 1x); --v: url(/four); }",
    ].join("\n")
    expect(findImports("src/x.css", css).map((entry) => [entry.line, entry.specifier])).toEqual([
      [1, "/one"],
      [2, "/two"],
      [3, "/three"],
      [3, "/four"],
    ])
  })

  it("reports CSS it cannot parse instead of guessing what it imports", () => {
    const found = findImports("src/styles.css", ".a { color: red; }\n.b {}}} .c { background: url(/x) }\n")
    expect(found).toEqual([expect.objectContaining({ form: "unreadable", line: 2 })])
  })

  it("names nothing in other files", () => {
    expect(findImports("src/data.json", '{"import": "x"}')).toEqual([])
  })
})

describe("checkFileImports and checkJobImports", () => {
  it("accepts what generated code normally writes", () => {
    const files = {
      [COMPONENT]:
        'import { useState } from "react"\nimport { Plus } from "lucide-react"\nimport { Button } from "@/components/ui/button"\nimport { cn } from "@/lib/utils"\nimport { format } from "./format"\nimport "./card.css"\nexport default function Card() { return null }\n',
      [TEST]:
        'import { describe, it, expect, vi } from "vitest"\nimport { render } from "@testing-library/react"\nimport userEvent from "@testing-library/user-event"\nimport Card from "./Card"\nvi.mock("./format")\n',
      "src/components/format.ts": "export const format = (n: number) => String(n)\n",
      "src/components/card.css":
        '@import "./theme.css";\n.card { background: url(./bg.png) url("data:image/png;base64,AA"); }\n',
    }
    expect(checkJobImports(files)).toEqual([])
  })

  it("reports each refused import as an error at its file, line and column, without the host path", () => {
    const component =
      'import { useState } from "react"\nimport secret from "/etc/passwd"\nconst x = require("fs")\n'
    expect(checkFileImports(COMPONENT, component)).toEqual([
      {
        source: "imports",
        path: COMPONENT,
        line: 2,
        column: 20,
        message: "Import refused: an absolute path points outside the job folder.",
        severity: "error",
        code: "import-refused",
      },
      expect.objectContaining({
        line: 3,
        column: 19,
        message:
          'require("fs") refused: require() is not allowed in generated code; use an import declaration.',
      }),
    ])
  })

  it("refuses paths outside the job and CSS that leaves it, in path order", () => {
    const diagnostics = checkJobImports({
      "src/z.css": '.a { background: url(../../../x.png) }\n@font-face { src: url("file:///etc/passwd") }\n',
      "../escape.ts": "export {}\n",
      "src/a.css": '@import "/etc/passwd";\n',
    })
    expect(diagnostics.map((d) => [d.path, d.line, d.severity])).toEqual([
      ["", 0, "error"],
      ["src/a.css", 1, "error"],
      ["src/z.css", 1, "error"],
      ["src/z.css", 2, "error"],
    ])
    expect(diagnostics[0]?.message).toBe("A file path leads outside the job: ../escape.ts")
  })

  it("refuses references and import types that leave the job", () => {
    const found = findImports(
      "src/a.ts",
      '/// <reference path="../../../x.d.ts" />\ntype T = typeof import("../../y")\n',
    )
    expect(found.map((entry) => refusalOf(entry, "src/a.ts"))).toEqual([
      "`..` leads out of the job",
      "`..` leads out of the job",
    ])
  })

  it("caps what it echoes and never echoes control characters", () => {
    const [diagnostic] = checkFileImports(COMPONENT, `import x from "${"a".repeat(300)}\\u0007"\n`)
    expect(diagnostic?.message.length).toBeLessThan(260)
    expect(diagnostic?.message).not.toContain("\u0007")
  })
})

describe("createModuleResolver", () => {
  const canary = path.join(scratch, "canary.ts")
  writeFileSync(canary, "export const secret = 'canary-resolver-5f2b'\n")
  const kitDir = path.join(scratch, "kit")
  mkdirSync(path.join(kitDir, "src", "components", "ui"), { recursive: true })
  writeFileSync(path.join(kitDir, "src", "components", "ui", "button.tsx"), "export const Button = 1\n")
  symlinkSync(canary, path.join(kitDir, "src", "components", "ui", "leak.tsx"))
  const nodeModules = path.join(scratch, "node_modules")
  mkdirSync(path.join(nodeModules, "clsx"), { recursive: true })
  mkdirSync(path.join(nodeModules, "@types", "react"), { recursive: true })
  writeFileSync(path.join(nodeModules, "clsx", "index.js"), "export default 1\n")
  writeFileSync(path.join(nodeModules, "@types", "react", "index.d.ts"), "export {}\n")
  symlinkSync(canary, path.join(nodeModules, "clsx", "leak.js"))
  const job = path.join(scratch, "job")
  mkdirSync(path.join(job, "src"), { recursive: true })
  writeFileSync(path.join(job, "src", "a.ts"), "export {}\n")
  symlinkSync(canary, path.join(job, "src", "link.ts"))
  const resolver = createModuleResolver({ kitDir, nodeModules: [nodeModules] })

  it("follows symlinks before it says a file is in the kit", async () => {
    expect(resolver.isKitSource(path.join(kitDir, "src/components/ui/button.tsx"))).toBe(true)
    expect(resolver.isKitSource(path.join(kitDir, "src/components/ui/leak.tsx"))).toBe(false)
    expect(await resolver.readKitModule(path.join(kitDir, "src/components/ui/button"))).toEqual({
      path: path.join(kitDir, "src/components/ui/button.tsx"),
      content: "export const Button = 1\n",
    })
    expect(await resolver.readKitModule(path.join(kitDir, "src/components/ui/leak"))).toBeUndefined()
  })

  it("holds a package to its own folder (or its @types folder)", () => {
    expect(resolver.isInPackage("clsx", path.join(nodeModules, "clsx/index.js"))).toBe(true)
    expect(resolver.isInPackage("clsx", path.join(nodeModules, "clsx/leak.js"))).toBe(false)
    expect(resolver.isInPackage("clsx", path.join(nodeModules, "@types/react/index.d.ts"))).toBe(false)
    expect(resolver.isInPackage("react", path.join(nodeModules, "@types/react/index.d.ts"))).toBe(true)
    expect(resolver.isInPackage("fs", "/etc/passwd")).toBe(false)
  })

  it("reads only inside the kit, node_modules and the job folders it is given, symlinks followed", () => {
    expect(resolver.mayRead(path.join(job, "src/a.ts"), [job])).toBe(true)
    expect(resolver.mayRead(path.join(job, "src/a.ts"))).toBe(false)
    expect(resolver.mayRead(path.join(job, "src/link.ts"), [job])).toBe(false)
    expect(resolver.mayRead(canary, [job])).toBe(false)
    expect(resolver.mayRead(path.join(job, "src/missing.ts"), [job])).toBe(false)
    expect(resolver.mayRead(path.join(nodeModules, "clsx/index.js"))).toBe(true)
    expect(resolver.mayProbe(path.join(nodeModules, "clsx/../../canary.ts"))).toBe(false)
    expect(resolver.mayProbe("/etc/passwd")).toBe(false)
  })

  it("gives one resolver per kit folder", () => {
    expect(moduleResolverFor()).toBe(moduleResolverFor(KIT_DIR))
    expect(moduleResolverFor().kitSrc).toBe(KIT_SRC)
    expect(moduleResolverFor().nodeModules.length).toBeGreaterThan(0)
    expect(moduleResolverFor().isKitSource(path.join(KIT_SRC, "lib/utils.ts"))).toBe(true)
    expect(realpathSync(KIT_SRC)).toBeTruthy()
  })
})
