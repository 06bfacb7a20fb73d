// What edits save (issue 14, part 3): the same repair and the same follow-up, answered once as a whole file and once
// as search/replace edits by a scripted model (the fake OpenAI-compatible server, through the real client and the
// real stages). Both answers must leave the same file; the completion tokens are counted with js-tiktoken (o200k_base,
// GPT-4o's encoding; other models' tokenizers give other counts, but much the same ratio).
import { getEncoding } from "js-tiktoken"
import type { Contract, StudioEvent } from "@studio/protocol"
import { createOpenAiGenerator } from "../packages/engine/src/generators/llm"
import { createRunContext, type GenerationContext } from "../packages/engine/src/pipeline/run-context"
import type { ExecuteResult } from "../packages/engine/src/pipeline/stages/execute"
import { repairStage } from "../packages/engine/src/pipeline/stages/repair"
import { scaffoldStage } from "../packages/engine/src/pipeline/stages/scaffold"
import { createToolchainRegistry } from "../packages/engine/src/toolchain"
import { startFakeChatServer } from "../packages/engine/test/support/fake-chat-server"

const PATH = "src/components/TodoList.tsx"
const FENCE = "```"

/** A generated component of typical size (the offline catalogue's are 60 to 150 lines). */
const TODO_LIST = `import { useState } from "react"
import { Button } from "@/components/ui/button"
import { Checkbox } from "@/components/ui/checkbox"
import { Input } from "@/components/ui/input"

export interface TodoListProps {
  /** The items to start with. */
  initialItems?: string[]
  /** Shown when there is nothing to do. */
  emptyText?: string
}

type Filter = "all" | "open" | "done"

interface Todo {
  id: number
  text: string
  done: boolean
}

export default function TodoList({ initialItems = [], emptyText = "Nothing to do." }: TodoListProps) {
  const [todos, setTodos] = useState<Todo[]>(() =>
    initialItems.map((text, index) => ({ id: index + 1, text, done: false })),
  )
  const [draft, setDraft] = useState("")
  const [filter, setFilter] = useState<Filter>("all")

  const add = () => {
    const text = draft.trim()
    if (text === "") return
    setTodos((items) => [...items, { id: Date.now(), text, done: false }])
    setDraft("")
  }
  const toggle = (id: number) =>
    setTodos((items) => items.map((item) => (item.id === id ? { ...item, done: !item.done } : item)))
  const remove = (id: number) => setTodos((items) => items.filter((item) => item.id !== id))

  const visible = todos.filter((item) =>
    filter === "all" ? true : filter === "done" ? item.done : !item.done,
  )
  const openCount = todos.filter((item) => !item.done).length

  return (
    <section className="w-full max-w-md space-y-4 rounded-lg border p-4" aria-label="Todo list">
      <form
        className="flex gap-2"
        onSubmit={(event) => {
          event.preventDefault()
          add()
        }}
      >
        <Input
          aria-label="New todo"
          placeholder="What needs doing?"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <Button type="submit">Add</Button>
      </form>
      <div className="flex gap-2" role="group" aria-label="Filter">
        {(["all", "open", "done"] as const).map((value) => (
          <Button
            key={value}
            size="sm"
            variant={filter === value ? "default" : "outline"}
            aria-pressed={filter === value}
            onClick={() => setFilter(value)}
          >
            {value[0]!.toUpperCase() + value.slice(1)}
          </Button>
        ))}
      </div>
      {visible.length === 0 ? (
        <p className="text-sm text-muted-foreground">{emptyText}</p>
      ) : (
        <ul className="space-y-2">
          {visible.map((item) => (
            <li key={item.id} className="flex items-center gap-3">
              <Checkbox
                checked={item.done}
                onCheckedChange={() => toggle(item.id)}
                aria-label={\`Mark \${item.text} as done\`}
              />
              <span className={item.done ? "flex-1 line-through text-muted-foreground" : "flex-1"}>
                {item.text}
              </span>
              <Button size="sm" variant="ghost" onClick={() => remove(item.id)} aria-label={\`Remove \${item.text}\`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {openCount} open
      </p>
    </section>
  )
}
`

/** The repair: the "done" filter shows the open items. */
const BUG = {
  search: `    filter === "all" ? true : filter === "done" ? !item.done : !item.done,\n`,
  replace: `    filter === "all" ? true : filter === "done" ? item.done : !item.done,\n`,
}

/** The follow-up ("add a button that clears the completed items"): two edits. */
const FOLLOW_UP = [
  {
    search: `  const remove = (id: number) => setTodos((items) => items.filter((item) => item.id !== id))\n`,
    replace:
      `  const remove = (id: number) => setTodos((items) => items.filter((item) => item.id !== id))\n` +
      `  const clearDone = () => setTodos((items) => items.filter((item) => !item.done))\n`,
  },
  {
    search: `      <p className="text-sm text-muted-foreground" aria-live="polite">\n        {openCount} open\n      </p>\n`,
    replace:
      `      <div className="flex items-center justify-between">\n` +
      `        <p className="text-sm text-muted-foreground" aria-live="polite">\n` +
      `          {openCount} open\n` +
      `        </p>\n` +
      `        <Button size="sm" variant="outline" onClick={clearDone} disabled={openCount === todos.length}>\n` +
      `          Clear completed\n` +
      `        </Button>\n` +
      `      </div>\n`,
  },
]

const CONTRACT: Contract = {
  name: "TodoList",
  summary: "A todo list with a filter.",
  props: [
    {
      name: "initialItems",
      type: "string[]",
      required: false,
      default: "[]",
      description: "The items to start with.",
    },
    { name: "emptyText", type: "string", required: false, default: '"Nothing to do."', control: "text" },
  ],
  requirements: [
    { id: "R1", text: "Adds the typed item to the list." },
    { id: "R2", text: "The Done filter shows only the completed items." },
    { id: "R3", text: "Shows how many items are open." },
  ],
}

const FOLLOW_UP_CONTRACT: Contract = {
  ...CONTRACT,
  requirements: [
    ...CONTRACT.requirements,
    { id: "R4", text: "Clear completed removes the completed items." },
  ],
}

const applyAll = (text: string, edits: readonly { search: string; replace: string }[]) =>
  edits.reduce((result, edit) => result.replace(edit.search, edit.replace), text)
const wholeAnswer = (intro: string, content: string) =>
  `${intro}\n\n${FENCE}tsx file="${PATH}"\n${content}${FENCE}\n`
const editAnswer = (intro: string, edits: readonly { search: string; replace: string }[]) =>
  `${intro}\n\n${FENCE}tsx file="${PATH}"\n` +
  edits.map((edit) => `<<<<<<< SEARCH\n${edit.search}=======\n${edit.replace}>>>>>>> REPLACE\n`).join("") +
  `${FENCE}\n`

export interface EditTokensCase {
  name: string
  /** Completion tokens of the answer, whole file and edits. */
  wholeTokens: number
  editTokens: number
  /** Prompt tokens of the request (the same for both answers). */
  promptTokens: number
  /** The edited file's lines after the change. */
  fileLines: number
}

/** Streams one answer into one stage through the real client; returns the file it left and the tokens used. */
async function answerStage(
  answer: string,
  stage: (context: GenerationContext) => AsyncGenerator<StudioEvent, Record<string, string>>,
  encode: (text: string) => number,
): Promise<{ file: string | undefined; completion: number; prompt: number; errors: string[] }> {
  const completion = encode(answer)
  const server = await startFakeChatServer([
    { kind: "stream", text: answer, usage: { promptTokens: 0, completionTokens: completion } },
  ])
  try {
    const generator = createOpenAiGenerator({ baseURL: server.baseURL, model: "scripted", apiKey: "bench" })
    const context: GenerationContext = {
      // No toolchain step runs here; the stages' hot_reload builds the preview from an empty registry.
      ...createRunContext("bench-edit-tokens", {
        toolchain: createToolchainRegistry({}),
        sandbox: undefined as never,
      }),
      generator,
    }
    const errors: string[] = []
    const events = stage(context)
    let next = await events.next()
    for (; !next.done; next = await events.next())
      if (next.value.type === "error") errors.push(next.value.message)
    const body = server.chatRequests()[0]?.body as { messages?: { content: string }[] } | undefined
    const prompt = (body?.messages ?? []).reduce((sum, message) => sum + encode(message.content), 0)
    const stageTokens = Object.values(context.tokensByStage).reduce(
      (sum, tokens) => sum + (tokens?.completion ?? 0),
      0,
    )
    return { file: next.value[PATH], completion: stageTokens, prompt, errors }
  } finally {
    await server.close()
  }
}

/** The repair and the follow-up, each answered whole and as edits. */
export async function measureEditTokens(): Promise<EditTokensCase[]> {
  const encoding = getEncoding("o200k_base")
  const encode = (text: string) => encoding.encode(text).length
  const buggy = TODO_LIST.replace(BUG.replace, BUG.search)
  if (buggy === TODO_LIST) throw new Error("the bench's repair does not change the component")
  const current: ExecuteResult = {
    ok: false,
    files: { [PATH]: buggy },
    tests: [
      {
        name: "R2: the Done filter shows only the completed items",
        status: "fail",
        durationMs: 12,
        error: "Unable to find an element with the text: Buy milk",
      },
    ],
    diagnostics: [],
    durationMs: 0,
    verdict: "failed",
    reasons: [],
    timings: {},
  }
  const repair = (context: GenerationContext) => repairStage(context, CONTRACT, current, 2)
  const followUpOf = (context: GenerationContext) =>
    (async function* () {
      const previous = {
        prompt: "a todo list with a filter",
        contract: CONTRACT,
        files: { [PATH]: TODO_LIST },
      }
      const scaffold = yield* scaffoldStage(context, FOLLOW_UP_CONTRACT, previous)
      return scaffold.files
    })()
  const followedUp = applyAll(TODO_LIST, FOLLOW_UP)
  const intro = "The Done filter negates the condition; this fixes it."
  const cases = [
    {
      name: "repair (a one-line fix)",
      stage: repair,
      expected: TODO_LIST,
      whole: wholeAnswer(intro, TODO_LIST),
      edits: editAnswer(intro, [BUG]),
    },
    {
      name: "follow-up (add a Clear completed button)",
      stage: followUpOf,
      expected: followedUp,
      whole: wholeAnswer("I added a Clear completed button.", followedUp),
      edits: editAnswer("I added a Clear completed button.", FOLLOW_UP),
    },
  ]
  const results: EditTokensCase[] = []
  for (const { name, stage, expected, whole, edits } of cases) {
    const asWhole = await answerStage(whole, stage, encode)
    const asEdits = await answerStage(edits, stage, encode)
    for (const [how, outcome] of [
      ["whole", asWhole],
      ["edits", asEdits],
    ] as const) {
      if (outcome.errors.length > 0 || outcome.file !== expected)
        throw new Error(
          `${name}, answered as ${how}: the file is not as expected (${outcome.errors.join("; ")})`,
        )
    }
    results.push({
      name,
      wholeTokens: asWhole.completion,
      editTokens: asEdits.completion,
      promptTokens: asWhole.prompt,
      fileLines: expected.split("\n").length - 1,
    })
  }
  return results
}

/** Prints the section's table. */
export async function reportEditTokens(): Promise<EditTokensCase[]> {
  const results = await measureEditTokens()
  console.log(
    `\nEdits instead of rewrites: completion tokens of the same answer written whole and as search/replace edits ` +
      `(js-tiktoken o200k_base; a scripted model through the real client and stages; both leave the same file)\n\n` +
      `| answer | file lines | whole file | edits | edits / whole | prompt (either) |\n| --- | ---: | ---: | ---: | ---: | ---: |`,
  )
  for (const result of results) {
    console.log(
      `| ${result.name} | ${result.fileLines} | ${result.wholeTokens} | ${result.editTokens} | ` +
        `${(result.editTokens / result.wholeTokens).toFixed(2)} | ${result.promptTokens} |`,
    )
  }
  return results
}
