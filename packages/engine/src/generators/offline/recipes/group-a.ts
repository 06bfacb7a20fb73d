import type { Recipe } from "../recipe"
import { contactForm } from "./contact-form"
import { fileUpload } from "./file-upload"
import { loginForm } from "./login-form"
import { multiStepWizard } from "./multi-step-wizard"
import { newsletterSignup } from "./newsletter-signup"
import { otpInput } from "./otp-input"
import { quiz } from "./quiz"
import { signupForm } from "./signup-form"
import { tagInput } from "./tag-input"

/** Recipes of group a: auth and forms with validation. Earlier recipes win ties. */
export const GROUP_A: Recipe[] = [
  otpInput,
  multiStepWizard,
  newsletterSignup,
  loginForm,
  signupForm,
  contactForm,
  tagInput,
  fileUpload,
  quiz,
]
