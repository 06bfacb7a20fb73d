/**
 * The TypeScript settings generated code is checked with, as tsconfig `compilerOptions` JSON: the warm checker
 * converts them, and the differential test and the benchmark write them into a plain tsconfig.json for `tsc`.
 * `srcDir` is where the job's own `@/…` modules live (absolute, or relative to the tsconfig).
 */
export function generatedCodeCompilerOptionsJson(kitSrc: string, srcDir: string) {
  return {
    strict: true,
    target: "es2022",
    lib: ["es2022", "dom", "dom.iterable"],
    module: "esnext",
    moduleResolution: "bundler",
    moduleDetection: "force",
    jsx: "react-jsx",
    isolatedModules: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["@testing-library/jest-dom/vitest"],
    paths: {
      "@/components/ui/*": [`${kitSrc}/components/ui/*`],
      "@/lib/*": [`${kitSrc}/lib/*`],
      "@/*": [`${srcDir}/*`],
    },
  }
}
