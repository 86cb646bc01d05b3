/** An emulator the suite needs is not installed: callers skip emulator suites (loudly) instead of failing obscurely. */
export class MissingEmulatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingEmulatorError";
  }
}
