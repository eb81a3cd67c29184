#!/usr/bin/env node
// Bundles the compiled CLI (dist/) into dist/bundle/, which bin/shipshape.js loads: Node loads a few modules instead
// of ~400, which was most of a small scan's time. Code split at the dynamic imports, so that a command loads only
// what it needs (the cluster client, the webhook, report formats); dependencies stay external (node_modules).
import { build } from "esbuild";

await build({
  entryPoints: ["dist/cli/main.js"],
  outdir: "dist/bundle",
  splitting: true,
  chunkNames: "chunk-[hash]",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
  legalComments: "none",
});
