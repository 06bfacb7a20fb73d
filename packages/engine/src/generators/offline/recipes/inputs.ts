import type { Recipe } from "../recipe"
import { characterCounter } from "./character-counter"
import { colorPicker } from "./color-picker"
import { quantityStepper } from "./quantity-stepper"
import { rangeSlider } from "./range-slider"
import { searchList } from "./search-list"
import { starRating } from "./star-rating"
import { todoList } from "./todo-list"
import { toggleSettings } from "./toggle-settings"

/** Inputs and controls: rating, sliders, colour, stepper, character count, toggles, search and to-dos. */
export const INPUT_RECIPES: Recipe[] = [
  starRating,
  rangeSlider,
  colorPicker,
  quantityStepper,
  characterCounter,
  toggleSettings,
  searchList,
  todoList,
]
