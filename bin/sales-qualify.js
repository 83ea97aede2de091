#!/usr/bin/env node
/* The command line's entry (package.json "bin"; src/cli/main.ts). In a clone (dev
 * dependencies installed) it runs the TypeScript source through ts-node, so it is never
 * stale; a packed copy (npm pack runs build:cli) runs the compiled build/cli instead. */
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const source = path.join(root, "src", "cli", "main.ts");
const built = path.join(root, "build", "cli", "src", "cli", "main.js");
let tsNode = false;
try {
  require.resolve("ts-node");
  tsNode = fs.existsSync(source);
} catch {
  tsNode = false;
}
let cli;
if (tsNode) {
  require("ts-node").register({ transpileOnly: true, project: path.join(root, "tsconfig.json") });
  cli = require(source);
} else if (fs.existsSync(built)) {
  cli = require(built);
} else {
  console.error("sales-qualify: nothing to run: install the dev dependencies (npm install) or build it (npm run build:cli).");
  process.exit(1);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
