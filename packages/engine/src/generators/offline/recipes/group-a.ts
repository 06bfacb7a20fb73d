import type { Recipe } from "../recipe"

/** Recipes of group a. */
export const GROUP_A: Recipe[] = []
