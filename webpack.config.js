/* eslint-disable no-undef */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const BundleReport = require("./scripts/bundleReport");

/** Where the add-in is served in development; the build rewrites it to ADDIN_URL (or `--env url=…`). */
const devUrl = "https://localhost:3000/";

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Rewrites every dev URL in the manifest (global regexes), and the bare origin (AppDomain) to the new origin. */
function rewriteManifest(content, url) {
  const target = url.endsWith("/") ? url : url + "/";
  const origin = new URL(target).origin;
  return content
    .toString()
    .replace(new RegExp(escape(devUrl), "g"), target)
    .replace(new RegExp(escape(devUrl.slice(0, -1)), "g"), origin);
}

/**
 * The dev server's certificate: the Office development certificate (office-addin-dev-certs),
 * whose CA Excel trusts once installed. Without it webpack would serve its own self-signed
 * certificate, which Excel rejects with a blank pane: refuse instead, and say what to do.
 */
function devCertificate() {
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const fs = require("fs");
  const refuse = (why) => {
    console.error(
      `npm run dev-server: ${why}\n` +
        "  Excel only loads an add-in served with a certificate it trusts. Install the Office\n" +
        "  development certificate once (asks for administrator rights):\n" +
        "    npx office-addin-dev-certs install\n" +
        "  then run npm run dev-server again. Without Excel, try the preview: npm run preview.",
    );
    process.exit(1);
  };
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length) refuse(`no Office development certificate (${missing.join(", ")} missing).`);
  let trusted = false;
  try {
    trusted = require("office-addin-dev-certs").isCaCertificateInstalled();
  } catch (e) {
    refuse(`cannot check whether the certificate is trusted here (${(e && e.message) || e}).`);
  }
  if (!trusted) refuse(`the certificate in ${defaults.certificateDirectory} is not installed as trusted (or has expired).`);
  const [ca, cert, key] = files.map((f) => fs.readFileSync(f));
  return { ca, cert, key };
}

/** The production URL, or one clear message and exit 1: nothing ships pointing at a placeholder. */
function productionUrl(env) {
  const url = (env && env.url) || process.env.ADDIN_URL;
  const fail = (why) => {
    console.error(
      `npm run build: ${why}\n` +
        "  Say where dist/ will be served (https), e.g.\n" +
        "    ADDIN_URL=https://sales.example.cn/addin/ npm run build\n" +
        "    npm run build -- --env url=https://sales.example.cn/addin/\n" +
        "  For this machine only: npm run build:dev (https://localhost:3000/).",
    );
    process.exit(1);
  };
  if (!url) fail("no ADDIN_URL (or --env url=) given.");
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    fail(`"${url}" is not a URL.`);
  }
  if (parsed.protocol !== "https:") fail(`"${url}" is not https (Office loads add-ins over https only).`);
  if (/(^|\.)contoso\.com$/i.test(parsed.hostname)) fail(`"${url}" is a placeholder host.`);
  return url;
}

/**
 * Adds a helpUrl to every function in functions.json, writes functions.zh.json (Chinese
 * descriptions, same names) and the help pages — all from src/functions/help/ and
 * docs/methodology.md (see src/functions/help/buildHelp.ts).
 */
class HelpPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HelpPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "HelpPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return; // the metadata plugin reported its error already
        require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
        const { helpAssets } = require("./src/functions/help/buildHelp.ts");
        const md = require("fs").readFileSync(path.join(__dirname, "docs/methodology.md"), "utf8");
        compilation.fileDependencies.add(path.join(__dirname, "docs/methodology.md"));
        const files = helpAssets(JSON.parse(asset.source.source().toString()), this.baseUrl, md);
        for (const [name, content] of files) {
          const src = new sources.RawSource(content);
          if (compilation.getAsset(name)) compilation.updateAsset(name, src);
          else compilation.emitAsset(name, src);
        }
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const prodUrl = dev ? devUrl : productionUrl(env);
  const config = {
    // Source maps in development only: production dist/ is what gets deployed.
    devtool: dev ? "source-map" : false,
    // functions.js is whole on its own (webpack runtime, engine, functions): what the manifest's
    // <Script> names and a runtime without the page loads. taskpane.js holds only what the pane
    // adds and uses functions.js's modules, so the shared runtime's page loads the engine once and
    // holds one instance of each module (the label language set in the pane is the one the
    // functions read). scripts/bundleReport.js prints the sizes and fails on a module in both.
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true, compilerOptions: { module: "es2020", moduleResolution: "node" } } } }],
    },
    plugins: [
      new BundleReport(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HelpPlugin(prodUrl),
      // Shared runtime: the task pane page loads the functions too (manifest <Page> = Taskpane.Url).
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "manifest*.xml", to: "[name][ext]", transform: (content) => (dev ? content : rewriteManifest(content, prodUrl)) },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist"), publicPath: "/" },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: process.env.WEBPACK_SERVE ? devCertificate() : undefined },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
  return config;
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.productionUrl = productionUrl;
