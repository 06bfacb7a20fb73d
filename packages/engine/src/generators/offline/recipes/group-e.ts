import type { Recipe } from "../recipe"

/** Recipes of group e. */
export const GROUP_E: Recipe[] = []
