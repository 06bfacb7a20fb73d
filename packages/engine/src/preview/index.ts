export { buildPreviewHtml, type PreviewPage } from "./preview-html"
