/**
 * Test-only: browsers mark an animation's `finished` promise as handled, so cancelling an animation (as motion does
 * when a state changes mid-animation) rejects it silently. happy-dom leaves the rejection unhandled, which Vitest
 * reports as an error; this marks it handled, as a browser would. Loaded by test-setup for every web test.
 */
const animationPrototype = (globalThis as { Animation?: { prototype: Animation } }).Animation?.prototype
if (animationPrototype && !("__studioFinishedHandled" in animationPrototype)) {
  const cancel = animationPrototype.cancel
  Object.defineProperty(animationPrototype, "__studioFinishedHandled", { value: true })
  animationPrototype.cancel = function cancelHandled(this: Animation) {
    this.finished.catch(() => {})
    cancel.call(this)
  }
}

export {}
