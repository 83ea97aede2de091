#!/usr/bin/env node
/*
 * npm start / npm stop, truthfully. office-addin-debugging prints "Unable to sideload" or
 * "Platform not supported" and still exits 0; this wrapper runs it, passes its output
 * through, and exits 1 with one clear message (what to do instead) when it could not do its
 * job, or when this machine cannot sideload at all (Linux, no Excel desktop).
 *   node scripts/officeDebugging.js start|stop [desktop|web] [-- options for office-addin-debugging]
 */
const { spawn } = require("child_process");
const path = require("path");

const [command = "start", ...rest] = process.argv.slice(2);
const target =
  rest[0] === "desktop" || rest[0] === "web" ? rest.shift() : "desktop";

const INSTEAD =
  "  Instead:\n" +
  "    npm run preview          the task pane in your browser, on a sample sheet (no Excel needed)\n" +
  "    npm run start:web -- --document <workbook URL>   sideload into Excel on the web (OneDrive/SharePoint)\n" +
  "    npx sales-qualify <file.xlsx|file.csv>           grade an export without Excel";

function fail(why) {
  console.error(
    `npm ${command === "stop" ? "stop" : "start"}: ${why}\n${INSTEAD}`,
  );
  process.exit(1);
}

/** Lines office-addin-debugging prints when it failed but exits 0 anyway. */
const FAILURE =
  /Unable to (start|stop|sideload|unload|install)|not supported|Platform not supported|Error:/i;

function run() {
  if (
    target === "desktop" &&
    process.platform !== "win32" &&
    process.platform !== "darwin"
  )
    fail(
      `Excel desktop runs on Windows and macOS only; this machine is ${process.platform}, so nothing can be sideloaded here.`,
    );
  if (target === "web" && command === "start" && !rest.includes("--document"))
    fail(
      "Excel on the web needs a workbook: npm run start:web -- --document <URL of a workbook in OneDrive or SharePoint>.",
    );
  const bin = path.join(
    __dirname,
    "..",
    "node_modules",
    "office-addin-debugging",
    "cli.js",
  );
  const args = [
    bin,
    command,
    path.join(__dirname, "..", "manifest.xml"),
    target,
    ...rest,
  ];
  const child = spawn(process.execPath, args, {
    stdio: ["inherit", "pipe", "pipe"],
  });
  const failures = [];
  const watch = (stream, out) =>
    stream.on("data", (chunk) => {
      out.write(chunk);
      for (const line of chunk.toString().split(/\r?\n/))
        if (FAILURE.test(line)) failures.push(line.trim());
    });
  watch(child.stdout, process.stdout);
  watch(child.stderr, process.stderr);
  child.on("error", (e) =>
    fail(`cannot run office-addin-debugging (${e.message}).`),
  );
  child.on("exit", (code) => {
    if (code) fail(`office-addin-debugging ${command} exited with ${code}.`);
    if (failures.length)
      fail(`office-addin-debugging could not ${command}: ${failures[0]}`);
    process.exit(0);
  });
}

run();
