import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    pool: "threads",
    // The test files share no mutable state (rules are pure, scans build their own inventory), so one module
    // graph per worker is safe and saves most of the collection time of ~230 small files.
    poolOptions: { threads: { isolate: false } },
    testTimeout: 60_000,
  },
});
