import type { Recipe } from "./recipe"
import { contentCard } from "./recipes/content-card"
import { GROUP_A } from "./recipes/group-a"
import { GROUP_B } from "./recipes/group-b"
import { GROUP_C } from "./recipes/group-c"
import { GROUP_D } from "./recipes/group-d"
import { GROUP_E } from "./recipes/group-e"
import { tabs } from "./recipes/tabs"

/** The fallback for prompts no recipe matches: a content card, with an honest note that it is approximate. */
export const FALLBACK_RECIPE: Recipe = contentCard

/** Every kind the offline generator can write. Earlier recipes win ties. */
export const CATALOGUE: readonly Recipe[] = [
  tabs,
  ...GROUP_A,
  ...GROUP_B,
  ...GROUP_C,
  ...GROUP_D,
  ...GROUP_E,
  contentCard,
]
