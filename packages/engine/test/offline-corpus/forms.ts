import type { CorpusEntry } from "./types"

/** Prompts for the forms recipes: auth and forms with validation. */
export const FORM_PROMPTS: CorpusEntry[] = [
  {
    prompt:
      "Build me a sign in page for our app – email + password, a remember me checkbox and a forgot password link",
    kind: "login-form",
    expect: ["Remember me", "Forgot password?", "Sign in", "Show password"],
    followUp: {
      prompt: "make the button say 'Log in' and go purple",
      expect: ['"Log in"', "#9333ea"],
    },
  },
  {
    prompt: "login screen, passwords need to be at least 12 chars",
    kind: "login-form",
    expect: ["Refuses passwords shorter than 12 characters", "Log in"],
  },
  {
    prompt:
      'registration form asking for username, email and password (min 10 characters, must include a number) plus an "I agree to the terms" checkbox',
    kind: "signup-form",
    expect: ["Username", "shorter than 10 characters", "must include a number", "I agree to the terms"],
    followUp: {
      prompt: "add a phone number field and require a symbol too",
      expect: ["Phone number", "Passwords must include a number and a symbol"],
    },
  },
  {
    prompt: "simple sign-up form, name/email/password, confirm password too",
    kind: "signup-form",
    expect: ["Full name", "Confirm password", "Passwords do not match"],
  },
  {
    prompt:
      'Contact us form for my portfolio — name, email, subject and a message (max 300 characters). After sending show "Thanks, I\'ll reply within 48 hours!"',
    kind: "contact-form",
    expect: ["300", "Subject", "Thanks, I'll reply within 48 hours!"],
    followUp: {
      prompt: "dark mode and drop the subject field",
      expect: ["Renders on the dark theme", "labelled Name, Email, Message fields"],
    },
  },
  {
    prompt: 'newsletter signup box for the blog: heading "Get the weekly digest", button "Count me in"',
    kind: "newsletter-signup",
    expect: ["Get the weekly digest", "Count me in", "One email a week"],
    followUp: { prompt: 'change the button text to "Join"', expect: ['"Join"'] },
  },
  {
    prompt: "waitlist signup for our beta launch, dark theme",
    kind: "newsletter-signup",
    expect: ["Join the waitlist", "Join waitlist", "You're on the list!", "Renders on the dark theme"],
  },
  {
    prompt: "4 digit PIN entry for confirming payments",
    kind: "otp-input",
    expect: ["4-digit", "Enter your PIN"],
    followUp: {
      prompt: "make it 6 digits and add a resend button after 60 seconds",
      expect: ["6-digit", "disabled for 60 seconds"],
    },
  },
  {
    prompt: "two-factor verification screen where the user types the six digit code we texted them",
    kind: "otp-input",
    expect: ["6-digit", "We texted a code to your phone"],
  },
  {
    prompt: "tag input for blog post keywords, max 8 tags, no duplicates",
    kind: "tag-input",
    expect: ["Keywords", "at most 8 tags"],
    followUp: { prompt: "allow up to 3 tags only", expect: ["at most 3 tags"] },
  },
  {
    prompt: "skills field where people add tags, prefilled with React, Node and GraphQL",
    kind: "tag-input",
    expect: ["Skills", "React", "Node", "GraphQL"],
  },
  {
    prompt: "Drag & drop uploader for PNG or JPG images up to 2 MB each, one file only",
    kind: "file-upload",
    expect: ["PNG or JPG", "2 MB", "Holds one file"],
    followUp: {
      prompt: "also accept PDFs and raise the limit to 20MB",
      expect: ["PNG, JPG or PDF", "20 MB"],
    },
  },
  {
    prompt: "let users upload their profile picture, jpg/png/webp, nothing over 5 MB",
    kind: "file-upload",
    expect: ["Upload a profile picture", "JPG, PNG or WebP", "5 MB", "Holds one file"],
  },
  {
    prompt: "attachment uploader for PDFs and Word docs, max 10MB, up to 5 files",
    kind: "file-upload",
    expect: ["PDF or Word", "10 MB", "up to 5 files"],
  },
  {
    prompt: "multi-step signup with Account, Profile and Confirm steps",
    kind: "multi-step-wizard",
    expect: ["SignupWizard", "Account", "Profile", "Confirm", "Step 1 of 3"],
    followUp: {
      prompt: "add a Company step",
      expect: ["Account, Profile, Company and Confirm", "Step 1 of 4"],
    },
  },
  {
    prompt: "checkout flow in 3 steps – shipping address, payment, then a review of the order",
    kind: "multi-step-wizard",
    expect: ["CheckoutWizard", "Shipping", "Payment", "Review", "Place order"],
  },
  {
    prompt: "Make a 5 question JavaScript quiz that tells you right away if you got it right",
    kind: "quiz",
    expect: ["Web development quiz", "typeof null", "Question 1 of 5", "Correct!"],
    followUp: { prompt: "make it 8 questions", expect: ["You scored n/8"] },
  },
  {
    prompt: "geography trivia about world capitals, 6 questions, show the score at the end",
    kind: "quiz",
    expect: ["Geography quiz", "Canberra", "You scored n/6"],
  },
]
