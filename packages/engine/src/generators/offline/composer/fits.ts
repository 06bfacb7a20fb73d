import { textHasPhrase as has, type Choice } from "../compose"
import type { PartKind } from "./types"
import type { PromptParts } from "./read-parts"

/** Recipes whose kind is one of the composer's parts: "a table of …" names the data table, not a part of something. */
const SAME_KIND: Readonly<Record<string, readonly PartKind[]>> = {
  "data-table": ["table"],
  tabs: ["tabs"],
  "countdown-timer": ["timer"],
  stopwatch: ["timer"],
  "multi-step-wizard": ["steps"],
  "tag-input": ["input"],
  "range-slider": ["input"],
  "login-form": ["input", "button"],
  "signup-form": ["input", "button"],
  "contact-form": ["input", "button"],
  "newsletter-signup": ["input", "button"],
  "character-counter": ["input"],
  "quantity-stepper": ["button", "input"],
  "todo-list": ["list", "input", "button"],
  "search-list": ["input", "list"],
  "star-rating": ["input"],
  "file-upload": ["button", "input"],
  "image-carousel": ["image"],
  "profile-card": ["avatar", "image"],
  "stats-cards": ["badge"],
}

/**
 * The rule for "a recipe really fits": the prompt names the recipe's kind (a strong keyword), and that phrase is the
 * prompt's own name for the thing (its head: "a pricing table with …"), or it is not only the name of one of the
 * thing's parts ("a notification bell with … a dropdown list": "dropdown" names a part, a list, not a dropdown menu).
 * The content card also needs the prompt to ask no more than a heading, a text and one button.
 */
export function recipeFits(choice: Choice, read: PromptParts): boolean {
  if (choice.approximate) return false
  if (choice.recipe.kind === "content-card" && !cardCarries(read)) return false
  const head = read.title.toLowerCase()
  const strong = choice.matched.filter((phrase) => choice.recipe.keywords.strong.includes(phrase))
  const same = SAME_KIND[choice.recipe.kind] ?? []
  if (strong.some((phrase) => has(head, phrase))) return true
  // Named only further on: it fits when no part names it as something else, and it carries every part named.
  const carried = read.parts.every(
    (part) => part.kind === "heading" || part.kind === "text" || same.includes(part.kind),
  )
  return strong.some(
    (phrase) =>
      read.claimed.every(({ clause, kind }) => !has(clause, phrase) || same.includes(kind)) &&
      (carried || !read.claimed.some(({ clause }) => has(clause, phrase))),
  )
}

function cardCarries(read: PromptParts): boolean {
  const buttons = read.parts.filter((part) => part.kind === "button").length
  return (
    buttons <= 1 &&
    read.parts.every((part) => part.kind === "heading" || part.kind === "text" || part.kind === "button")
  )
}
