import type { Io } from "./output.js";

/** A progress bar on stderr, only on a terminal and only once a scan takes a moment. */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly io: Io) {}

  update(done: number, total: number): void {
    if (!this.io.stderrIsTTY || total < 2) return;
    const now = Date.now();
    if (now - this.started < 500 || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    this.io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} files`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.io.stderr("\r\x1b[K");
  }
}
