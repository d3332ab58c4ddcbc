/**
 * `npm run write`: the browser editor on this clone (src/lib/editor/write.ts plans it).
 * Starts `astro dev` with the editor's local backend, prints the /admin/ address where
 * the server really answers, and stops on Ctrl+C.
 */
import { spawn, spawnSync } from 'node:child_process';
import { parseCliOrExit } from '../src/lib/tools/cli';
import { editorAddressFromOutput, planWrite, writeCli } from '../src/lib/editor/write';

const { values } = parseCliOrExit(writeCli);
const root = process.cwd();
const branch = spawnSync('git', ['branch', '--show-current'], { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
let plan;
try {
  plan = planWrite(values, branch);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

const site = spawn(process.execPath, plan.site.args, { cwd: root, env: { ...process.env, ...plan.site.env }, stdio: ['ignore', 'pipe', 'inherit'] });
site.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => site.kill('SIGTERM'));

let output = '';
let announced = false;
site.stdout!.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (announced) return;
  output += chunk.toString();
  const address = editorAddressFromOutput(output);
  if (address) {
    announced = true;
    console.log(`\n  Write at ${address}  (drafts become branches of "${branch}" in ${root}; only the post and its pictures are committed; Ctrl+C stops)\n`);
  }
});
