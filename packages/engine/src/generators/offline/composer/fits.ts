import { textHasPhrase as has, type Choice, type Composition } from "../compose"
import { escapeRegExp, type PromptFacts } from "../facts"
import type { PartKind } from "./types"
import type { PromptParts } from "./read-parts"

/**
 * What a recipe can carry of the parts a prompt names, and how many of each: "a table of …" names the data table, not
 * a part of something, and a range slider carries one slider, not three. A recipe missing here is trusted to carry
 * what its own name's prompt asks.
 */
const CARRIES: Readonly<Record<string, Partial<Record<PartKind, number>>>> = {
  "data-table": { table: 1, input: 1 },
  tabs: { tabs: 1 },
  "countdown-timer": { timer: 1, button: 3 },
  stopwatch: { timer: 1, button: 4 },
  "multi-step-wizard": { steps: 1, button: 3 },
  "tag-input": { input: 1 },
  "range-slider": { input: 1 },
  "login-form": { input: 3, button: 2 },
  "signup-form": { input: 6, button: 1 },
  "contact-form": { input: 5, button: 1 },
  "newsletter-signup": { input: 2, button: 1 },
  "character-counter": { input: 1, button: 1 },
  "quantity-stepper": { button: 3, input: 1 },
  "todo-list": { list: 1, input: 1, button: 3 },
  "search-list": { input: 1, list: 1 },
  "star-rating": { input: 1, button: 1 },
  "file-upload": { button: 1, input: 1 },
  "image-carousel": { image: 8, button: 2 },
  "profile-card": { avatar: 1, image: 1, button: 2 },
  "stats-cards": { badge: 4, values: 1 },
  "otp-input": { input: 1, button: 1 },
  "toggle-settings": { input: 12, list: 1, button: 1 },
}

/** The parts a person acts on or looks at as a thing of its own, which a recipe must not drop. */
const CONTROLS: readonly PartKind[] = [
  "button",
  "input",
  "image",
  "avatar",
  "progress",
  "meter",
  "timer",
  "badge",
]

/**
 * Every part the prompt names is one the recipe carries, within its count (or the recipe is not in the table).
 * `only` narrows it to some kinds: when the prompt's own name names the recipe, the recipe reads the prompt's rows,
 * lists and columns itself, and only a control or picture it has no place for makes it not fit.
 */
function carries(kind: string, read: PromptParts, only?: readonly PartKind[]): boolean {
  const can = CARRIES[kind]
  if (!can) return true
  const named = new Map<PartKind, number>()
  for (const part of read.parts) {
    if (part.kind === "heading" || part.kind === "text" || (only && !only.includes(part.kind))) continue
    named.set(part.kind, (named.get(part.kind) ?? 0) + 1)
  }
  return [...named].every(([part, count]) => count <= (can[part] ?? 0))
}

/**
 * The rule for "a recipe really fits": the prompt names the recipe's kind (a strong keyword), and that phrase is the
 * prompt's own name for the thing (its head: "a pricing table with …"), or it is not only the name of one of the
 * thing's parts ("a notification bell with … a dropdown list": "dropdown" names a part, a list, not a dropdown menu).
 * The content card also needs the prompt to ask no more than a heading, a text and one button, and to give the
 * card's words (its title and text, quoted): without them it would show "Get started" and the prompt itself.
 */
export function recipeFits(choice: Choice, read: PromptParts, facts: PromptFacts): boolean {
  if (choice.approximate) return false
  if (choice.recipe.kind === "content-card" && !(cardCarries(read) && facts.quoted.length >= 2)) return false
  const head = read.title.toLowerCase()
  const strong = choice.matched.filter((phrase) => choice.recipe.keywords.strong.includes(phrase))
  // The prompt's own name for the thing names the recipe: it fits when it carries what else the prompt names.
  if (strong.some((phrase) => has(head, phrase))) return carries(choice.recipe.kind, read, CONTROLS)
  // Named only further on: it fits when no part names it as something else, and it carries every part named (a
  // recipe not in the table carries only a heading and text then).
  const same = Object.keys(CARRIES[choice.recipe.kind] ?? {})
  const carriedHere = CARRIES[choice.recipe.kind]
    ? carries(choice.recipe.kind, read)
    : read.parts.every((part) => part.kind === "heading" || part.kind === "text")
  return strong.some(
    (phrase) =>
      read.claimed.every(({ clause, kind }) => !has(clause, phrase) || same.includes(kind)) &&
      (carriedHere || !read.claimed.some(({ clause }) => has(clause, phrase))),
  )
}

function cardCarries(read: PromptParts): boolean {
  const buttons = read.parts.filter((part) => part.kind === "button").length
  return (
    buttons <= 1 &&
    read.parts.every((part) => part.kind === "heading" || part.kind === "text" || part.kind === "button")
  )
}

/**
 * The labels of the buttons the prompt names, written as labels (with a capital, as in "Okay and Bad buttons" or "an
 * Add glass button"), that the recipe's component does not carry: a recipe that drops them does not fit.
 */
export function droppedWords(composition: Composition, read: PromptParts, facts: PromptFacts): string[] {
  const carried = (
    composition.recipe.component(composition.context) + JSON.stringify(composition.context.values)
  ).toLowerCase()
  const labels = read.parts.flatMap((part) => (part.kind === "button" ? [part.value] : []))
  return [...new Set(labels)].filter(
    (label) =>
      /^[A-Z]/.test(label) &&
      new RegExp(`(?:^|[^\\w])${escapeRegExp(label)}(?![\\w])`).test(facts.text) &&
      !carried.includes(label.toLowerCase()),
  )
}
