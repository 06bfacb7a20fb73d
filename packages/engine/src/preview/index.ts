export {
  PREVIEW_CSP_DIRECTIVES,
  buildPreviewHtml,
  preparePreview,
  type PreviewHtmlOptions,
  type PreviewPage,
} from "./preview-html"
export { PREVIEW_MESSAGE_SOURCE, createPreviewBridgeScript, scriptJson } from "./preview-bridge"
