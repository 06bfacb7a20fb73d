export {
  COMPOSED_KIND,
  composeFor,
  composedRecipe,
  recomposeComposed,
  type ComposedPrompt,
} from "./compose-component"
export { droppedWords, recipeFits } from "./fits"
export { followUpParts, type PartsFollowUp } from "./follow-up"
export { readParts, type PromptParts } from "./read-parts"
export type { Part, PartKind } from "./types"
