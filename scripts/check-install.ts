/**
 * `npm run check:install -- [--log file…] [--max-packages 800] [--max-mb 500]`: after an
 * install, how many packages node_modules holds and how much disk it takes, against the
 * project's budgets, and whether the logs of `npm ci` / `npm run build` given with --log print
 * a warning that src/lib/tools/quiet.ts does not explain. `.ci/run` runs it on a fresh clone.
 * Exit 0 within budget and quiet, 1 otherwise, 2 for wrong use.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, exitWithUsageError, parseCliOrExit, type CliSpec } from '../src/lib/tools/cli';
import { explainedWarnings, unexplainedWarnings } from '../src/lib/tools/quiet';

export const CHECK_INSTALL_CLI: CliSpec = {
  command: 'npm run check:install --',
  synopsis: '[options]',
  summary: 'Counts the packages in node_modules and its size on disk against the budgets, and finds warnings in install and build logs that no one has explained (src/lib/tools/quiet.ts).',
  options: {
    log: { type: 'string', multiple: true, default: [], value: 'file', help: 'a saved log of npm ci, npm run build or npm start (repeatable)' },
    'max-packages': { type: 'string', value: 'n', default: '800', help: 'most packages node_modules may hold' },
    'max-mb': { type: 'string', value: 'n', default: '500', help: 'most megabytes node_modules may take on disk' },
    'node-modules': { type: 'string', value: 'dir', default: 'node_modules', help: 'the folder to measure' },
    'max-production': { type: 'string', value: 'n', default: '800', help: 'most packages a production install (npm ci --omit=dev) may hold, read from package-lock.json' },
    exclude: { type: 'string', multiple: true, default: [], value: 'package', help: 'a package whose size is said apart and not held to --max-mb (repeatable), e.g. node' },
  },
};

const { values } = parseCliOrExit(CHECK_INSTALL_CLI);
const maxPackages = Number(values['max-packages']);
const maxMb = Number(values['max-mb']);
const folder = String(values['node-modules']);
const logs = values.log as string[];
const excluded = values.exclude as string[];
const maxProduction = Number(values['max-production']);
if (!Number.isInteger(maxProduction) || maxProduction < 1) exitWithUsageError(CHECK_INSTALL_CLI, `--max-production must be a whole number (got "${values['max-production']}")`);
if (!Number.isInteger(maxPackages) || maxPackages < 1) exitWithUsageError(CHECK_INSTALL_CLI, `--max-packages must be a whole number (got "${values['max-packages']}")`);
if (!Number.isFinite(maxMb) || maxMb <= 0) exitWithUsageError(CHECK_INSTALL_CLI, `--max-mb must be a number of megabytes (got "${values['max-mb']}")`);
if (!existsSync(folder)) exitWithUsageError(CHECK_INSTALL_CLI, `the folder "${folder}" does not exist (install first: npm ci)`);
for (const log of logs) if (!existsSync(log)) exitWithUsageError(CHECK_INSTALL_CLI, `--log ${log}: no such file`);

/** Packages as npm lays them out: node_modules/<name> and node_modules/@scope/<name>, nested too. */
function countPackages(modules: string): number {
  let count = 0;
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
    const dirs = entry.name.startsWith('@')
      ? readdirSync(join(modules, entry.name), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(modules, entry.name, d.name))
      : [join(modules, entry.name)];
    for (const dir of dirs) {
      if (!existsSync(join(dir, 'package.json'))) continue;
      count++;
      if (existsSync(join(dir, 'node_modules'))) count += countPackages(join(dir, 'node_modules'));
    }
  }
  return count;
}

/**
 * The packages `npm ci --omit=dev` would install here: the lockfile's entries that are not
 * dev-only and that this platform installed (optional binaries for other systems are skipped).
 */
function productionPackages(lockfile: string, modules: string): number {
  const lock = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages: Record<string, { dev?: boolean; link?: boolean }> };
  const root = join(modules, '..');
  return Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.dev && !entry.link && existsSync(join(root, path))).length;
}

/** Bytes on disk as `du` counts them: allocated blocks, each hard-linked file once. */
function diskBytes(dir: string, seen = new Set<string>()): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const stat = lstatSync(path);
    const inode = `${stat.dev}:${stat.ino}`;
    if (seen.has(inode)) continue;
    seen.add(inode);
    total += stat.blocks * 512;
    if (entry.isDirectory()) total += diskBytes(path, seen);
  }
  return total;
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
let failed = false;
const packages = countPackages(folder);
const seen = new Set<string>();
const apart = excluded.filter((name) => existsSync(join(folder, name))).map((name) => ({ name, mb: megabytes(diskBytes(join(folder, name), seen)) }));
const rest = megabytes(diskBytes(folder, seen));
const total = rest + apart.reduce((sum, p) => sum + p.mb, 0);
const production = productionPackages(join(folder, '..', 'package-lock.json'), folder);
const productionOk = production <= maxProduction;
const packagesOk = packages <= maxPackages;
const sizeOk = rest <= maxMb;
failed ||= !packagesOk || !sizeOk || !productionOk;
const without = apart.length ? `, ${rest} MB without ${apart.map((p) => `${p.name} (${p.mb} MB)`).join(', ')}` : '';
console.log(`${folder}: ${packages} packages (budget ${maxPackages})${packagesOk ? '' : ' ✗'}, ${total} MB on disk${without} (budget ${maxMb} MB)${sizeOk ? '' : ' ✗'}`);
console.log(`production install (npm ci --omit=dev): ${production} packages (budget ${maxProduction})${productionOk ? '' : ' ✗'}`);

for (const log of logs) {
  const text = readFileSync(log, 'utf8');
  const added = /added (\d+) packages/.exec(text);
  const unexplained = unexplainedWarnings(text);
  const explained = explainedWarnings(text).map((k) => `${k.count} ${k.warning.id} (explained)`);
  const summary = [...explained, unexplained.length ? `${unexplained.length} unexplained ✗` : 'no other warning'].join(', ');
  console.log(`${log}: ${added ? `npm added ${added[1]} packages; ` : ''}${summary}`);
  for (const w of unexplained) console.log(`  line ${w.line}: ${w.text}`);
  failed ||= unexplained.length > 0;
}
if (failed) {
  console.log('Over budget or not quiet: fix the cause, or explain the warning in src/lib/tools/quiet.ts and the README.');
}
process.exitCode = failed ? EXIT.failure : EXIT.ok;
