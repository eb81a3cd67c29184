#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

// A reader that stops early (`shipshape scan … | head`) closes the pipe: that is not an error of the scan.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
