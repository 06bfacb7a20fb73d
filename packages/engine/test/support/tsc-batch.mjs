// What `tsc --noEmit -p <dir> --pretty false` does, for several projects in one process: each directory's
// tsconfig.json is read and checked as its own program with TypeScript's compiler API (the calls tsc makes), and the
// errors are printed in tsc's format. Only the parsed files outside the projects (lib.*.d.ts, @types, the kit) are
// shared between the programs, as `tsc --build` shares them: ten cold processes cost about 25 CPU-seconds.
//
// Usage: node tsc-batch.mjs DIR...   Prints one JSON object: { [dir]: { errors: string[], output: string } }.
import path from "node:path"
import ts from "typescript"

const dirs = process.argv.slice(2).map((dir) => path.resolve(dir))
const shared = new Map()

function hostFor(options, projectDir) {
  const host = ts.createCompilerHost(options, true)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const own = path.resolve(fileName).startsWith(projectDir + path.sep)
    if (own) return getSourceFile(fileName, languageVersion, onError, shouldCreate)
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`
    if (!shared.has(key)) shared.set(key, getSourceFile(fileName, languageVersion, onError, shouldCreate))
    return shared.get(key)
  }
  return host
}

const results = {}
for (const dir of dirs) {
  const configDiagnostics = []
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(dir, "tsconfig.json"),
    { noEmit: true },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => configDiagnostics.push(diagnostic) },
  )
  const diagnostics = [...configDiagnostics]
  if (parsed) {
    const program = ts.createProgram({
      rootNames: parsed.fileNames,
      options: parsed.options,
      projectReferences: parsed.projectReferences,
      host: hostFor(parsed.options, dir),
      configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
    })
    // tsc's order (emitFilesAndReportErrors): syntax errors hide the rest, then options and global, then semantic.
    const configCount = diagnostics.push(...program.getConfigFileParsingDiagnostics())
    diagnostics.push(...program.getSyntacticDiagnostics())
    if (diagnostics.length === configCount) {
      diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics())
      if (diagnostics.length === configCount) diagnostics.push(...program.getSemanticDiagnostics())
    }
  }
  const output = ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (fileName) => fileName,
    getCurrentDirectory: () => dir,
    getNewLine: () => "\n",
  })
  results[dir] = {
    output,
    errors: diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length,
  }
}
process.stdout.write(JSON.stringify(results))
