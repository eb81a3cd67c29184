#!/usr/bin/env node
import { existsSync } from "node:fs";

// The bundled CLI (npm run build) loads much faster than the ~400 compiled modules; fall back to them if absent.
const bundle = new URL("../dist/bundle/main.mjs", import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : "../dist/cli/main.js");

// A reader that stops early (`shipshape scan … | head`) closes the pipe: that is not an error of the scan.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
