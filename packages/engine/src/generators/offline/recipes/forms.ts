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

/** Forms with validation: sign-in, sign-up, contact, newsletter, code, wizard, tags, upload, quiz. Earlier wins ties. */
export const FORM_RECIPES: Recipe[] = [
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
