/**
 * `npm run write`: the browser editor on this clone (src/lib/editor/write.ts plans it).
 * Starts decap-server (git mode) and `astro dev`, prints the /admin/ address, and stops
 * both on Ctrl+C or when either stops.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { parseCliOrExit } from '../src/lib/tools/cli';
import { planWrite, writeCli } from '../src/lib/editor/write';

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

// decap-server commits with `git add .` on the branch it checks out: unsaved work would go along.
const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout?.trim();
if (dirty) {
  console.warn('Warning: this clone has uncommitted changes. Commit or stash them first, or the editor will commit them with your next draft:');
  console.warn(dirty.split('\n').slice(0, 10).map((l) => `  ${l}`).join('\n'));
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
