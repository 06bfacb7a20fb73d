import type { Recipe } from "../recipe"

/** Recipes of group b. */
export const GROUP_B: Recipe[] = []
