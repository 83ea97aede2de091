/** Runs the command line in-process, capturing what it prints: its exit code, stdout and stderr. */
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
