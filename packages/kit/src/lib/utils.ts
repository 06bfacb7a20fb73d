import { clsx, type ClassValue } from "clsx"
import { twMerge } from "tailwind-merge"

/** Joins class names and resolves Tailwind conflicts (the last one wins), as shadcn/ui's `cn` does. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs))
}
