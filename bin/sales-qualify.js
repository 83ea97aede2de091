#!/usr/bin/env node
/* The command line's entry (package.json "bin"): runs the compiled CLI from build/cli when
 * `npm run build:cli` made it, else the TypeScript source through ts-node (a clone with dev
 * dependencies). See src/cli/main.ts. */
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const built = path.join(root, "build", "cli", "src", "cli", "main.js");
let cli;
if (fs.existsSync(built)) {
  cli = require(built);
} else {
  require("ts-node").register({ transpileOnly: true, project: path.join(root, "tsconfig.json") });
  cli = require(path.join(root, "src", "cli", "main.ts"));
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
