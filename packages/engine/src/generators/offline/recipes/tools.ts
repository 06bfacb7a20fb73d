import type { Recipe } from "../recipe"
import { bmiCalculator } from "./bmi-calculator"
import { chatUi } from "./chat-ui"
import { clock } from "./clock"
import { countdownTimer } from "./countdown-timer"
import { imageCarousel } from "./image-carousel"
import { kanbanBoard } from "./kanban-board"
import { loanCalculator } from "./loan-calculator"
import { pricingTable } from "./pricing-table"
import { stopwatch } from "./stopwatch"
import { tipCalculator } from "./tip-calculator"
import { unitConverter } from "./unit-converter"

/** Tools and widgets: pricing, timers, clocks, a board, a carousel, calculators and chat. */
export const TOOL_RECIPES: Recipe[] = [
  pricingTable,
  stopwatch,
  countdownTimer,
  clock,
  kanbanBoard,
  imageCarousel,
  unitConverter,
  tipCalculator,
  loanCalculator,
  bmiCalculator,
  chatUi,
]
