import { parseArgs } from "node:util"
import { StudioError } from "@studio/protocol"
import { processContext, type CliContext } from "./cli-context"

const USAGE = `Usage: studio <command> [options]

Commands:
  generate "<prompt>" [--out DIR] [--provider offline|openai|ollama] [--model M] [--max-repairs N] [--json]
                      describe a component; get it with tests traced to each requirement, run and repaired
  generate --tests FILE ["<prompt>"] [...]
                      tests as the spec: a component that passes FILE (Jest-style tests work as written),
                      which is used verbatim; the requirements are its test names (--tests may repeat)
                      (models: OPENAI_BASE_URL, OPENAI_API_KEY, STUDIO_MODEL; or Ollama on 127.0.0.1:11434)
  webapp1k DIR [--suite tests|duo_tests] [--domain D] [--limit N] [--json] [--results FILE]
                      [--concurrency N] [--max-repairs N] [--provider P] [--model M]
                      run the WebApp1K benchmark's React tasks in a local checkout DIR
                      (DIR/<suite>/react/<domain>/<task>.test.js) through tests as the spec with the configured
                      model; prints pass@1 overall and per domain, before and after repair, with tokens and cost
                      (--json: a JSON line per task, then a summary line). Each result is appended to FILE
                      (default ./webapp1k-results.jsonl) as it comes; tasks already there for the same model are
                      not run again. Exit 0 when every task has a result, 1 if interrupted (Ctrl-C), 2 bad usage
  exec DIR [--json] [--plugin NAME]...
                      lint, type-check, run DIR's tests (src/components/*.tsx + *.test.tsx) and the
                      accessibility check (axe) in the sandbox;
                      with DIR/contract.json, every requirement in it needs a traced test; --plugin also runs
                      a custom plugin of STUDIO_PLUGINS_DIR (one folder per plugin, each with a plugin.json)
  doctor [--json]     report the sandbox's isolation level and the toolchain's versions
  serve [--port N] [--workers N]
                      start the studio server: the API and WebSocket on http://127.0.0.1:8000 (PORT), running
                      runs in this process; with STUDIO_QUEUE=redis, N of them at once (0: API and WebSocket only)
  worker [--concurrency N]
                      take runs from the shared queue (STUDIO_QUEUE=redis, REDIS_URL, DATABASE_URL) and run
                      N at once (default 1); SIGTERM lets running runs finish within the grace period

Exit codes: 0 proven (every requirement has a passing test, none skipped, no type, lint or accessibility error), 1 failed or
not verified, 2 bad usage or an infrastructure failure. webapp1k: 0 when every task has a result (whatever
passed), 1 when it was interrupted, 2 bad usage.`

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], context: CliContext = processContext()): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case "exec": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { json: { type: "boolean" }, plugin: { type: "string", multiple: true } },
          allowPositionals: true,
        })
        if (positionals.length !== 1)
          throw new StudioError("usage", "studio exec takes exactly one directory")
        // Commands are loaded when used: the engine (Vitest, TypeScript) is a second of start-up on its own.
        const { runExec } = await import("./commands/exec")
        return await runExec(
          positionals[0] ?? "",
          { json: values.json ?? false, plugins: values.plugin ?? [] },
          context,
        )
      }
      case "generate": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: {
            out: { type: "string" },
            provider: { type: "string" },
            model: { type: "string" },
            "max-repairs": { type: "string" },
            json: { type: "boolean" },
            tests: { type: "string", multiple: true },
          },
          allowPositionals: true,
        })
        const tests = values.tests ?? []
        if (positionals.length > 1 || (positionals.length === 0 && tests.length === 0))
          throw new StudioError("usage", "studio generate takes one prompt, in quotes (or --tests FILE)")
        const { runGenerate } = await import("./commands/generate")
        return await runGenerate(
          {
            prompt: positionals[0] ?? "",
            out: values.out,
            provider: values.provider,
            model: values.model,
            maxRepairs: values["max-repairs"],
            json: values.json ?? false,
            tests,
          },
          context,
        )
      }
      case "webapp1k": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: {
            suite: { type: "string" },
            domain: { type: "string" },
            limit: { type: "string" },
            json: { type: "boolean" },
            results: { type: "string" },
            concurrency: { type: "string" },
            "max-repairs": { type: "string" },
            provider: { type: "string" },
            model: { type: "string" },
          },
          allowPositionals: true,
        })
        if (positionals.length !== 1)
          throw new StudioError("usage", "studio webapp1k takes exactly one folder: a checkout of WebApp1K")
        const { runWebApp1k } = await import("./commands/webapp1k")
        return await runWebApp1k(
          {
            dir: positionals[0] ?? "",
            suite: values.suite,
            domain: values.domain,
            limit: values.limit,
            concurrency: values.concurrency,
            maxRepairs: values["max-repairs"],
            provider: values.provider,
            model: values.model,
            json: values.json ?? false,
            results: values.results,
          },
          context,
        )
      }
      case "serve": {
        const { values } = parseArgs({
          args: rest,
          options: { port: { type: "string" }, workers: { type: "string" } },
        })
        const port = values.port === undefined ? undefined : Number(values.port)
        if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535))
          throw new StudioError("usage", "--port takes a port number from 0 to 65535")
        const workers = readCount(values.workers, "--workers", 0)
        const { serve } = await import("@studio/server")
        // The server keeps the process alive; SIGINT/SIGTERM shut it down gracefully.
        await serve({ port, workers })
        return typeof process.exitCode === "number" ? process.exitCode : 0
      }
      case "worker": {
        const { values } = parseArgs({ args: rest, options: { concurrency: { type: "string" } } })
        const concurrency = readCount(values.concurrency, "--concurrency", 1)
        const { runWorker } = await import("./commands/worker")
        // The worker keeps the process alive; SIGINT/SIGTERM stop it gracefully.
        return await runWorker({ concurrency }, context)
      }
      case "doctor": {
        const { values } = parseArgs({ args: rest, options: { json: { type: "boolean" } } })
        const { runDoctor } = await import("./commands/doctor")
        return await runDoctor({ json: values.json ?? false }, context)
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        context.stdout.write(`${USAGE}\n`)
        return command === undefined ? 2 : 0
      default:
        throw new StudioError("usage", `unknown command: ${command}`)
    }
  } catch (error) {
    if (exitsWithUsage(error)) {
      context.stderr.write(`studio: ${(error as Error).message}\n\n${USAGE}\n`)
      return 2
    }
    throw error
  }
}

/** A whole-number option of at least `min` (at most 1000), or undefined when it is not given. */
function readCount(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined
  const count = Number(value)
  if (value.trim() === "" || !Number.isInteger(count) || count < min || count > 1000)
    throw new StudioError("usage", `${option} takes a whole number from ${min} to 1000`)
  return count
}

/** A mistake in how the command was called or configured: exit code 2 with the message, never a stack trace. */
function exitsWithUsage(error: unknown): boolean {
  if (StudioError.isInstance(error)) return error.code === "usage" || error.code === "config_invalid"
  // node:util parseArgs: an unknown option or a missing value.
  return (error as { code?: unknown }).code?.toString().startsWith("ERR_PARSE_ARGS") === true
}
