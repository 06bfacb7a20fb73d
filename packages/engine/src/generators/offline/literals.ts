import { lit, type ParamValue } from "./recipe"

/**
 * A literal for a test body. The test file's imports are chosen by the words its body uses, string literals included,
 * so a default such as "We reply within a day" would import an unused `within`: those words are written with a
 * unicode escape (the same string at run time).
 */
export function testLiteral(value: ParamValue): string {
  return lit(value).replace(
    /\b(?:within|act|waitFor|fireEvent|beforeEach|afterEach|vi)\b/g,
    (word) =>
      `${word.slice(0, -1)}\\u${word
        .charCodeAt(word.length - 1)
        .toString(16)
        .padStart(4, "0")}`,
  )
}

/** Text for inside a double-quoted string of the written code (a test's title): quotes and backslashes escaped. */
export function insideDoubleQuotes(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}
