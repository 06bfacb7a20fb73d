export { DesignPanel, type DesignPanelProps } from "./design-panel"
export {
  coerceControlValue,
  controlOf,
  currentPropValue,
  defaultPropValues,
  normalizeHexColor,
  parseDefaultExpression,
  selectOptionsOf,
  stringUnionMembers,
  type ControlValue,
} from "./prop-values"
