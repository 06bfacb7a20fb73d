import type { Recipe } from "../recipe"

/** Recipes of group c. */
export const GROUP_C: Recipe[] = []
