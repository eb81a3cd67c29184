/** An error that stops a scan from running at all; the CLI turns it into exit status 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code: "usage" | "config" | "input" = "usage",
  ) {
    super(message);
    this.name = "UsageError";
  }
}
