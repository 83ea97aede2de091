/** Runs the command line in-process (src/cli/main.ts), capturing what it prints. */
import { main } from "../../src/cli/main";

export async function run(
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    isTTY: false,
  });
  return { code, out, err };
}
