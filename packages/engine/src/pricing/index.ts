export {
  BUILT_IN_MODEL_PRICES,
  findModelPrice,
  modelPriceSchema,
  modelPriceTableSchema,
  priceRun,
  readBudgetEnvironment,
  type ModelPrice,
  type ModelPriceTable,
  type RunBudget,
} from "./model-prices"
