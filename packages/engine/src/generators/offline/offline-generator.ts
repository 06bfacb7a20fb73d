import { setTimeout as sleep } from "node:timers/promises"
import type { Contract } from "@studio/protocol"
import type {
  GenerateContext,
  Generator as CodeGenerator,
  GeneratorChunk,
  PreviousVersion,
  StageInput,
} from "../types"
import { CATALOGUE, FALLBACK_RECIPE } from "./catalogue"
import {
  chooseRecipe,
  compose,
  contractOf,
  paramsFor,
  recompose,
  testFile,
  withValues,
  type Composition,
} from "./compose"
import {
  COMPOSED_KIND,
  composeFor,
  followUpParts,
  droppedWords,
  recipeFits,
  recomposeComposed,
  readParts,
} from "./composer"
import { readPrompt, type PromptFacts } from "./facts"
import { sentenceList, type Recipe, type Values } from "./recipe"

export const OFFLINE_PROVIDER = "offline"
export const OFFLINE_MODEL = "recipes-v1"

const CONFIGURE_A_MODEL =
  "For free-form components, configure a model: OPENAI_BASE_URL (+ OPENAI_API_KEY, STUDIO_MODEL) for any " +
  "OpenAI-compatible server, or run Ollama on this machine."

export interface OfflineGeneratorOptions {
  catalogue?: readonly Recipe[]
  /** Characters per streamed text chunk (default 96): the offline generator streams like a model would. */
  chunkSize?: number
  /** Milliseconds between chunks (default 0): a model's pace, for demos and UI tests of live streaming. */
  chunkDelayMs?: number
}

/**
 * The embedded default generator: no model and no network. It reads the prompt into facts, chooses the closest
 * recipe in the catalogue, and writes the contract, the component and its tests from that recipe. It says what it
 * is and what it chose in reasoning chunks; it never pretends to be a model.
 */
export function createOfflineGenerator(options: OfflineGeneratorOptions = {}): CodeGenerator {
  const catalogue = options.catalogue ?? CATALOGUE
  const chunkSize = options.chunkSize ?? 96
  const delayMs = options.chunkDelayMs ?? 0
  return {
    provider: OFFLINE_PROVIDER,
    model: OFFLINE_MODEL,
    async *generate(input: StageInput, context: GenerateContext): AsyncIterable<GeneratorChunk> {
      context.signal?.throwIfAborted()
      if (input.stage === "interpret") {
        const { composition, notes } = interpret(catalogue, input.prompt, input.previous)
        for (const text of notes) yield { type: "reasoning", text }
        yield* stream(JSON.stringify(contractOf(composition), null, 2), chunkSize, delayMs, context.signal)
        return
      }
      const composition = recompose(catalogue, input.contract) ?? recomposeComposed(input.contract)
      if (!composition) {
        yield {
          type: "reasoning",
          text:
            `The offline generator has no recipe named ${input.contract.name}; it writes only components from ` +
            `its catalogue. ${CONFIGURE_A_MODEL}`,
        }
        return
      }
      const { name } = composition
      if (input.stage === "scaffold") {
        yield* stream(
          fileBlock(`src/components/${name}.tsx`, composition.recipe.component(composition.context)),
          chunkSize,
          delayMs,
          context.signal,
        )
      } else if (input.stage === "unit_test") {
        yield* stream(
          fileBlock(`src/components/${name}.test.tsx`, testFile(composition)),
          chunkSize,
          delayMs,
          context.signal,
        )
      } else {
        yield {
          type: "reasoning",
          text:
            "The offline generator cannot reason about a failure the way a model can: it writes the recipe's " +
            `own implementation of ${name} for this contract again, which undoes hand edits to the component.`,
        }
        yield* stream(
          fileBlock(`src/components/${name}.tsx`, composition.recipe.component(composition.context)),
          chunkSize,
          delayMs,
          context.signal,
        )
      }
    },
  }
}

/** The contract for a prompt (or a follow-up on a previous version), with the notes that explain the choice. */
export function interpret(
  catalogue: readonly Recipe[],
  prompt: string,
  previous?: PreviousVersion,
): { composition: Composition; notes: string[] } {
  const facts = readPrompt(prompt)
  const earlier = previous
    ? (recompose(catalogue, previous.contract) ?? recomposeComposed(previous.contract))
    : undefined
  if (previous && earlier) {
    const followUp = applyFollowUp(earlier, facts)
    const fresh = chooseRecipe(catalogue, facts, FALLBACK_RECIPE)
    if (followUp.applied.length > 0 || fresh.approximate || fresh.recipe === earlier.recipe) {
      const applied = followUp.applied
      const hints = [
        ...SHARED_FOLLOW_UPS,
        ...(earlier.recipe.kind === COMPOSED_KIND ? COMPOSED_FOLLOW_UPS : []),
        ...(earlier.recipe.followUpHints ?? []),
      ]
      return {
        composition: followUp.composition,
        notes: [
          (applied.length > 0
            ? `Offline generator (no model): changing the previous ${earlier.recipe.title.toLowerCase()}, ${earlier.name}: ${sentenceList(applied)}.`
            : `Offline generator (no model): I found no change I know how to make in "${facts.text}", so this version keeps the previous ${earlier.name} as it was. ` +
              `Follow-ups I understand: ${sentenceList(hints)}. ${CONFIGURE_A_MODEL}`) +
            (followUp.refused.length > 0 ? ` Not done: ${sentenceList(followUp.refused)}.` : ""),
        ],
      }
    }
    // The follow-up names another kind of component: start a new one.
    return { composition: freshComposition(fresh.recipe, facts), notes: [choiceNote(fresh, facts, true)] }
  }
  const text = previous ? `${previous.prompt}. ${prompt}` : prompt
  const combined = readPrompt(text)
  const choice = chooseRecipe(catalogue, combined, FALLBACK_RECIPE)
  const read = readParts(combined)
  const composed = recipeFits(choice, read, combined)
    ? undefined
    : composeFor(combined, recipeNames(catalogue))
  const answer = (built: ReturnType<typeof composeFor>) => {
    const notes = [composedNote(built, combined)]
    if (previous) notes.unshift(NOT_OURS(previous))
    return { composition: built.composition, notes }
  }
  // The fallback card never stands in for what the prompt names: with nothing to build, the composer says so.
  if (composed && (composed.built > 0 || choice.approximate || choice.recipe === FALLBACK_RECIPE))
    return answer(composed)
  const chosen = freshComposition(choice.recipe, combined)
  // A recipe that would drop a button the prompt names is not the answer when the composer builds it.
  if (!composed && droppedWords(chosen, read, combined).length > 0) {
    const instead = composeFor(combined, recipeNames(catalogue))
    if (instead.built > 0) return answer(instead)
  }
  const notes = [choiceNote(choice, combined, false)]
  if (previous) notes.unshift(NOT_OURS(previous))
  return { composition: chosen, notes }
}

const NOT_OURS = (previous: PreviousVersion) =>
  `The previous version (${previous.contract.name}) was not written by the offline generator, so I read the ` +
  "two prompts together and start again from them."

function recipeNames(catalogue: readonly Recipe[]): ReadonlySet<string> {
  return new Set(catalogue.flatMap((recipe) => recipe.names))
}

/** What the composer built and what it did not, in the prompt's words. */
function composedNote(composed: ReturnType<typeof composeFor>, facts: PromptFacts): string {
  const prefix = "Offline generator (no model, composing from the kit's parts)"
  const { summary } = contractOf(composed.composition)
  const unplaced = composed.read.unplaced
  if (composed.built === 0) {
    return (
      `${prefix}: no recipe fits "${facts.text}" and it names no part I can build (a button, an input, a list, a ` +
      `table, totals, a badge, a progress bar or meter, an image, steps, tabs or a timer), so I built only its ` +
      `heading. The rest is not built, and a requirement says so with no test: this run is not proven. ${CONFIGURE_A_MODEL}`
    )
  }
  return (
    `${prefix}: no recipe fits "${facts.text}", so I composed it from the parts it names. ${summary}` +
    (unplaced.length > 0
      ? ` Not built (no part for them): ${sentenceList(unplaced.map((phrase) => `"${phrase}"`))}.`
      : "") +
    (unplaced.length > 0 ? ` ${CONFIGURE_A_MODEL}` : "")
  )
}

function freshComposition(recipe: Recipe, facts: PromptFacts): Composition {
  const name = recipe.name?.(facts) ?? recipe.names[0]!
  return compose(recipe, name, paramsFor(recipe, facts))
}

const SHARED_FOLLOW_UPS = [
  "a colour (make it blue, #7c3aed)",
  "dark or light",
  "bigger or smaller",
  "rounded or square corners",
]

const COMPOSED_FOLLOW_UPS = [
  "add a part (add a Share button)",
  "remove a part (remove the progress bar)",
  "rename a label (rename Accept all to Allow all, call it Cookie settings)",
]

function choiceNote(choice: ReturnType<typeof chooseRecipe>, facts: PromptFacts, switched: boolean): string {
  const { recipe, matched } = choice
  const prefix = "Offline generator (no model, a deterministic recipe catalogue)"
  if (choice.approximate) {
    return (
      `${prefix}: no recipe matches "${facts.text}" well, so this is an approximation with the closest kind, ` +
      `a ${recipe.title.toLowerCase()}` +
      (matched.length > 0 ? ` (it mentions ${sentenceList(matched.map((phrase) => `"${phrase}"`))})` : "") +
      `. ${CONFIGURE_A_MODEL}`
    )
  }
  return (
    `${prefix}: ${switched ? "this asks for a different kind of component, so I start a new " : "I chose the "}` +
    `${recipe.title.toLowerCase()} recipe because the prompt says ${sentenceList(matched.map((phrase) => `"${phrase}"`))}.`
  )
}

/** Shared modifiers (colour, theme, size, radius) and the recipe's own, on a previous composition. */
function applyFollowUp(
  earlier: Composition,
  facts: PromptFacts,
): { composition: Composition; applied: string[]; refused: string[] } {
  // A composed component's parts first (add, remove, rename), then the look, on what that made.
  const parts = followUpParts(earlier, facts.text)
  const base = parts?.composition ?? earlier
  const values: Record<string, Values[string]> = { ...base.context.values }
  const applied: string[] = [...(parts?.applied ?? [])]
  if (facts.colour) {
    values.accent = facts.colour.hex
    applied.push(
      `accent colour ${facts.colour.name === facts.colour.hex ? facts.colour.hex : `${facts.colour.name} (${facts.colour.hex})`}`,
    )
  }
  if (facts.dark !== undefined) {
    values.dark = facts.dark
    applied.push(facts.dark ? "dark theme" : "light theme")
  }
  if (facts.size) {
    values.size = facts.size
    applied.push(facts.size === "lg" ? "larger size" : "smaller size")
  }
  if (facts.radius) {
    values.radius = facts.radius
    applied.push(facts.radius === "xl" ? "rounder corners" : "square corners")
  }
  let result: Values = values
  if (base.recipe.followUp) {
    const own = base.recipe.followUp(facts, result)
    result = own.values
    applied.push(...own.applied)
  }
  const params = withValues(base.params, result)
  return { composition: compose(base.recipe, base.name, params), applied, refused: parts?.refused ?? [] }
}

function fileBlock(path: string, content: string): string {
  return `\`\`\`tsx file="${path}"\n${content.trimEnd()}\n\`\`\`\n`
}

async function* stream(
  text: string,
  chunkSize: number,
  delayMs = 0,
  signal?: AbortSignal,
): AsyncGenerator<GeneratorChunk> {
  for (let start = 0; start < text.length; start += chunkSize) {
    if (delayMs > 0 && start > 0) await sleep(delayMs, undefined, { signal })
    yield { type: "text", delta: text.slice(start, start + chunkSize) }
  }
}

export type { Contract }
