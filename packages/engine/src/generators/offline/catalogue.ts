import type { Recipe } from "./recipe"
import { contentCard } from "./recipes/content-card"
import { FORM_RECIPES } from "./recipes/forms"
import { INPUT_RECIPES } from "./recipes/inputs"
import { NAVIGATION_AND_OVERLAY_RECIPES } from "./recipes/navigation-and-overlays"
import { DATA_DISPLAY_RECIPES } from "./recipes/data-display"
import { TOOL_RECIPES } from "./recipes/tools"
import { tabs } from "./recipes/tabs"

/** The fallback for prompts no recipe matches: a content card, with an honest note that it is approximate. */
export const FALLBACK_RECIPE: Recipe = contentCard

/** Every kind the offline generator can write. Earlier recipes win ties. */
export const CATALOGUE: readonly Recipe[] = [
  tabs,
  ...FORM_RECIPES,
  ...INPUT_RECIPES,
  ...NAVIGATION_AND_OVERLAY_RECIPES,
  ...DATA_DISPLAY_RECIPES,
  ...TOOL_RECIPES,
  contentCard,
]
