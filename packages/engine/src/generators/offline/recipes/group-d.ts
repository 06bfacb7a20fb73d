import type { Recipe } from "../recipe"

/** Recipes of group d. */
export const GROUP_D: Recipe[] = []
