/* eslint-disable no-undef */
/**
 * Prints, after each build, the size of every script and what the shared runtime's page
 * (taskpane.html) loads in all, raw and gzip, and fails the build if a module is bundled twice
 * (in both functions.js and taskpane.js: the page would then load that code twice) or if the
 * page's scripts together pass PAGE_BUDGET (raw bytes, production builds): a dependency that
 * quietly adds hundreds of KB (full zod did: 604 KB) fails the build instead.
 */
/** functions.js + taskpane.js, raw, in a production build. */
const PAGE_BUDGET = 250 * 1024;
const zlib = require("zlib");

class BundleReport {
  apply(compiler) {
    compiler.hooks.emit.tap("BundleReport", (compilation) => {
      const kb = (n) => (n / 1024).toFixed(1) + " KB";
      const sizes = new Map();
      for (const asset of compilation.getAssets()) {
        if (!asset.name.endsWith(".js")) continue;
        const raw = asset.source.buffer();
        sizes.set(asset.name, {
          raw: raw.length,
          gzip: zlib.gzipSync(raw, { level: 9 }).length,
        });
      }
      const lines = ["scripts (raw / gzip):"];
      for (const [name, s] of sizes)
        lines.push(
          `  ${name.padEnd(14)} ${kb(s.raw).padStart(9)} / ${kb(s.gzip)}`,
        );
      const page = ["functions.js", "taskpane.js"].filter((n) => sizes.has(n));
      const sum = (k) => page.reduce((t, n) => t + sizes.get(n)[k], 0);
      lines.push(
        `  the page loads ${page.join(" + ")}: ${kb(sum("raw"))} / ${kb(sum("gzip"))}`,
      );
      const { chunkGraph } = compilation;
      const twice = [];
      for (const m of compilation.modules)
        if (chunkGraph.getNumberOfModuleChunks(m) > 1)
          twice.push(m.readableIdentifier(compilation.requestShortener));
      lines.push(`  modules in more than one script: ${twice.length}`);
      console.log(lines.join("\n"));
      if (compiler.options.mode === "production" && sum("raw") > PAGE_BUDGET)
        compilation.errors.push(
          new Error(
            `functions.js + taskpane.js are ${kb(sum("raw"))}, over the budget of ${kb(PAGE_BUDGET)} (scripts/bundleReport.js): find what grew before raising it`,
          ),
        );
      if (twice.length > 0)
        compilation.errors.push(
          new Error(
            `bundled twice (the page would load them twice):\n${twice.join("\n")}`,
          ),
        );
    });
  }
}

module.exports = BundleReport;
module.exports.PAGE_BUDGET = PAGE_BUDGET;
