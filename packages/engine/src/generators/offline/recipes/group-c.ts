import type { Recipe } from "../recipe"
import { accordion } from "./accordion"
import { breadcrumbs } from "./breadcrumbs"
import { dropdownMenu } from "./dropdown-menu"
import { modalDialog } from "./modal-dialog"
import { navbar } from "./navbar"
import { pagination } from "./pagination"
import { sidebar } from "./sidebar"
import { toastNotification } from "./toast-notification"
import { tooltip } from "./tooltip"

/** Recipes of group c: navigation and overlays. */
export const GROUP_C: Recipe[] = [
  navbar,
  pagination,
  breadcrumbs,
  sidebar,
  modalDialog,
  toastNotification,
  tooltip,
  dropdownMenu,
  accordion,
]
