/**
 * `npm run lint:workflows`: checks every .github/workflows/*.yml
 *  - against GitHub's workflow schema (@action-validator/core, WebAssembly, no download), and
 *  - against this project's rules: explicit minimal permissions, no pull_request_target,
 *    timeouts on every job, no ${{ github.event… }} pasted into shell scripts (a pull
 *    request's title or branch name could then run as a command; pass it through env:),
 *    and every action pinned to a commit with its release in a comment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateWorkflow, type ValidationError } from '@action-validator/core';
import { parse } from 'yaml';
import { parseCliOrExit, type CliSpec } from '../src/lib/tools/cli';

type Json = Record<string, unknown>;

/** Problems with one workflow, as "where: what" lines; empty when it is fine. */
export function lintWorkflow(source: string): string[] {
  const problems: string[] = [];
  let doc: Json;
  try {
    doc = parse(source) as Json;
  } catch (err) {
    return [`YAML: ${(err as Error).message.split('\n')[0]}`];
  }
  if (!doc || typeof doc !== 'object') return ['the file is empty'];

  for (const e of quietly(() => validateWorkflow(source)).errors) problems.push(...schemaMessages(e));

  const on = (doc.on ?? doc.true) as Json | string | string[] | undefined; // YAML 1.1 readers turn `on` into true
  const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(on ?? {});
  if (triggers.includes('pull_request_target')) {
    problems.push('on: pull_request_target runs pull-request code with write access; use pull_request');
  }
  if (!('permissions' in doc)) problems.push('permissions: missing at the top; start from "contents: read"');
  else if (doc.permissions === 'write-all') problems.push('permissions: write-all is too broad');

  const jobs = (doc.jobs ?? {}) as Record<string, Json>;
  for (const [name, job] of Object.entries(jobs)) {
    if (!job || typeof job !== 'object') continue;
    if (job.uses) continue; // a reusable workflow call has no steps of its own
    if (!('timeout-minutes' in job)) problems.push(`jobs.${name}: no timeout-minutes (the default is 6 hours)`);
    if (job.permissions === 'write-all') problems.push(`jobs.${name}.permissions: write-all is too broad`);
    const steps = Array.isArray(job.steps) ? (job.steps as Json[]) : [];
    steps.forEach((step, i) => {
      const run = typeof step.run === 'string' ? step.run : '';
      for (const m of run.matchAll(/\$\{\{\s*([^}]*)\}\}/g)) {
        if (/\b(github\.event\.|github\.head_ref|inputs\.)/.test(m[1]!)) {
          problems.push(`jobs.${name}.steps[${i}].run: \${{ ${m[1]!.trim()} }} is pasted into the script; pass it through env: instead`);
        }
      }
      if (typeof step.uses === 'string' && !/@[\w.-]+$/.test(step.uses) && !step.uses.startsWith('./')) {
        problems.push(`jobs.${name}.steps[${i}].uses: "${step.uses}" has no version (add @v1 or a commit)`);
      }
      if (typeof step.uses === 'string' && holdsSecret(step) && !/@[0-9a-f]{40}$/.test(step.uses)) {
        problems.push(`jobs.${name}.steps[${i}].uses: "${step.uses}" is given a secret (a key or token); pin it to a full commit id, not a tag that can move`);
      }
    });
  }
  problems.push(...unpinnedActions(source));
  return problems;
}

/**
 * Every action is pinned to a full commit id, with the release it is in a comment
 * (`uses: actions/checkout@<40 hex> # v5.1.0`): a tag can be moved to other code, and the
 * comment is what a reader and Renovate read to know the version. Read from the text, because
 * YAML parsing drops comments. Local actions (./…) and docker:// images are left alone.
 */
function unpinnedActions(source: string): string[] {
  const problems: string[] = [];
  source.split('\n').forEach((text, index) => {
    const m = /^\s*(?:-\s+)?uses:\s*["']?([^\s"'#]+)["']?\s*(?:#\s*(.*))?$/.exec(text);
    if (!m || m[1]!.startsWith('./') || m[1]!.startsWith('docker://')) return;
    const [action, ref] = m[1]!.split('@');
    const where = `line ${index + 1}: "${m[1]}"`;
    if (!ref || !/^[0-9a-f]{40}$/.test(ref)) {
      problems.push(`${where} is not pinned to a commit; write ${action}@<full commit id> # <its release, e.g. v1.2.3>`);
    } else if (!/^v?\d+(\.\d+)*\b/.test(m[2] ?? '')) {
      problems.push(`${where} is pinned but does not say which release it is; add a comment: # v1.2.3`);
    }
  });
  return problems;
}

/**
 * The validator says "Glob validation is not yet supported" on console.warn for every
 * `paths:` filter: a note about itself that no workflow can act on. Only that line is dropped.
 */
function quietly<T>(validate: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!/Glob validation is not yet supported/.test(String(args[0]))) warn(...args);
  };
  try {
    return validate();
  } finally {
    console.warn = warn;
  }
}

/** A step handed a secret (deploy key, token): a moved tag would hand it to other code. */
function holdsSecret(step: Json): boolean {
  const inputs = (step.with ?? {}) as Json;
  return Object.values(inputs).some((v) => typeof v === 'string' && /\$\{\{\s*secrets\./.test(v));
}

function schemaMessages(e: ValidationError): string[] {
  const where = 'path' in e && e.path ? e.path : 'location' in e && e.location ? `line ${e.location.line}` : '/';
  const nested = 'states' in e && e.states?.length ? e.states.flatMap((s) => s.errors.flatMap(schemaMessages)) : [];
  // "one of" errors list every alternative; the nested details are the useful part.
  if (nested.length) return [...new Set(nested)];
  return [`${where}: ${e.detail ?? e.title}`];
}

export const LINT_WORKFLOWS_CLI: CliSpec = {
  command: 'npm run lint:workflows --',
  synopsis: '',
  summary: "Checks every workflow in .github/workflows against GitHub's schema and this project's rules. Exit 1 when one has problems.",
  options: {},
};

function main(): number {
  parseCliOrExit(LINT_WORKFLOWS_CLI);
  const dir = '.github/workflows';
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  let failed = 0;
  for (const f of files) {
    const problems = lintWorkflow(readFileSync(join(dir, f), 'utf8'));
    if (problems.length) {
      failed++;
      console.error(`${dir}/${f}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    } else {
      console.log(`${dir}/${f}: ok`);
    }
  }
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
