/**
 * `npm run write`: the browser editor on this clone (src/lib/editor-write.ts plans it).
 * Starts decap-server (git mode) and `astro dev`, prints the /admin/ address, and stops
 * both on Ctrl+C or when either stops.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { parseCliOrExit } from '../src/lib/cli';
import { planWrite, writeCli } from '../src/lib/editor-write';

const { values } = parseCliOrExit(writeCli);
const root = process.cwd();
const branch = spawnSync('git', ['branch', '--show-current'], { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
let plan;
try {
  plan = planWrite(values, root, branch);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

const children: ChildProcess[] = [];
const start = (args: string[], env: Record<string, string>) => {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  child.on('exit', (code) => stopAll(code ?? 0));
  return child;
};
let stopping = false;
function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

start(plan.backend.args, plan.backend.env).stdout!.pipe(process.stdout);
const site = start(plan.site.args, plan.site.env);
let announced = false;
site.stdout!.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /ready in/i.test(chunk.toString())) {
    announced = true;
    console.log(`\n  Write at ${plan.editorUrl}  (drafts become branches of "${branch}" in ${root}; Ctrl+C stops)\n`);
  }
});
