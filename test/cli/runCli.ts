/** Runs the command line in this process, its output and errors collected. */
import { main } from "../../src/cli/main";

export async function runCli(
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
