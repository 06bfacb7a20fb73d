import type { Recipe } from "../recipe"
import { barChart } from "./bar-chart"
import { dataTable } from "./data-table"
import { featureGrid } from "./feature-grid"
import { footer } from "./footer"
import { heroSection } from "./hero-section"
import { productCard } from "./product-card"
import { profileCard } from "./profile-card"
import { statsCards } from "./stats-cards"
import { testimonial } from "./testimonial"

/** Recipes of group d: data display and layout. */
export const GROUP_D: Recipe[] = [
  dataTable,
  statsCards,
  barChart,
  productCard,
  heroSection,
  featureGrid,
  footer,
  profileCard,
  testimonial,
]
