/* eslint-disable no-undef */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const BundleReport = require("./scripts/bundleReport");

/** Where the add-in is served in development; the build rewrites it to ADDIN_URL (or `--env url=…`). */
const devUrl = "https://localhost:3000/";
const defaultProdUrl = "https://www.contoso.com/sales-addin/"; // CHANGE: where dist/ is deployed

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

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch {
    return undefined; // no certificates yet: `npx office-addin-dev-certs install` makes them
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const prodUrl = (env && env.url) || process.env.ADDIN_URL || defaultProdUrl;
  const config = {
    devtool: "source-map",
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
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } } }],
    },
    plugins: [
      new BundleReport(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
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
      server: { type: "https", options: dev ? await httpsOptions() : undefined },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
  return config;
};

module.exports.rewriteManifest = rewriteManifest;
