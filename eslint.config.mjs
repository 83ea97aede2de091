// Lint rules: eslint-plugin-office-addins' recommended set (typescript-eslint, prettier and the
// Office rules no-context-sync-in-loop, load-object-before-read, …), as office-addin-lint uses.
// Run: npm run lint (npm run lint:fix formats with prettier).
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-artifacts/**"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tseslint.parser },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-empty-load": "error",
      // TypeScript checks names itself (typescript-eslint's advice: no-undef off for .ts).
      "no-undef": "off",
      // Custom functions take ranges as any[][] (PLATFORM.md: the metadata needs that spelling).
      "@typescript-eslint/no-explicit-any": ["error", { ignoreRestArgs: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/functions/functions.ts", "test/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The command line reads files with exceljs, whose getCell() the Office rules mistake for
    // Excel.Range (no Office.js there: nothing to load or sync).
    files: ["src/cli/**/*.ts", "test/cli/**/*.ts", "bench/cliBench.ts"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
];
