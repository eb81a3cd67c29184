// Preloaded into a child process by scripts/bench.mjs (`node --import ./scripts/bench-rss.mjs …`) when
// /usr/bin/time is not there: at exit, writes the process's peak resident set size (KiB, as `time -f %M` prints it)
// to the file named by BENCH_RSS_FILE.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // a benchmark figure, never a reason to change the child's exit
    }
  });
}
