import "@testing-library/jest-dom/vitest"
import "./test-motion"
import { cleanup } from "@testing-library/react"
import { afterEach } from "vitest"

afterEach(() => {
  cleanup()
  // Tests of the services against a real server run in Node, without a DOM or storage.
  if (typeof localStorage !== "undefined") localStorage.clear()
})
