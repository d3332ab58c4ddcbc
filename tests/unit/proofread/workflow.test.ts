import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lintWorkflow } from '../../../scripts/lint-workflows';
import { ROOT } from './helpers';

/** The pull-request workflow, PR template and CODEOWNERS: valid, and doing what docs/WRITING.md says. */

const source = readFileSync(join(ROOT, '.github/workflows/pr-preview.yml'), 'utf8');
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string; id?: string };
type Job = { permissions?: Record<string, string>; steps: Step[]; env?: Record<string, string>; if?: string; needs?: string };
const wf = parse(source) as {
  on: { pull_request: { paths: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const uses = (job: Job, action: string) => job.steps.find((s) => s.uses?.startsWith(`${action}@`));

describe('.github/workflows/pr-preview.yml', () => {
  it('passes the workflow schema and the project rules', () => {
    expect(lintWorkflow(source)).toEqual([]);
  });

  it('runs on pull requests that touch posts or the site', () => {
    expect(wf.on.pull_request.paths).toEqual(expect.arrayContaining(['content/**', 'src/**', 'package.json', 'package-lock.json', 'astro.config.mjs']));
  });

  it('asks for no more than it needs', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs['build-preview']!.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs['proof-sheet']!.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('builds the site with drafts under /pr-<number>/ and keeps it as an artifact', () => {
    const job = wf.jobs['build-preview']!;
    expect(job.env?.SHRINKRAP_DRAFTS).toBe('1');
    expect(job.env?.BASE_PATH).toContain('/pr-{1}/');
    expect(job.env?.BASE_PATH).toContain('github.event.pull_request.number');
    // The project's one Node version, from .node-version (24), as everywhere else.
    expect(uses(job, 'actions/setup-node')?.with?.['node-version-file']).toBe('.node-version');
    expect(readFileSync('.node-version', 'utf8').trim()).toBe('24');
    expect(job.steps.some((s) => s.run?.startsWith('npm ci'))).toBe(true);
    expect(job.steps.some((s) => s.run === 'npm run build')).toBe(true);
    expect(uses(job, 'actions/upload-artifact')?.with?.path).toBe('dist-preview');
  });

  it('proofreads the changed posts against the base branch and updates one comment', () => {
    const job = wf.jobs['proof-sheet']!;
    expect(uses(job, 'actions/checkout')?.with?.['fetch-depth']).toBe(0);
    const proof = job.steps.find((s) => s.id === 'proof')!;
    expect(proof.run).toContain('npm run --silent proofread -- --format markdown --base "origin/$BASE_REF" --for "$audience" --output proof-sheet.md');
    // Drafts from the browser editor get the sheet in the editor's words.
    expect(proof.run).toContain('case "$HEAD_REF" in cms/*) audience=editor ;; esac');
    expect(proof.env?.HEAD_REF).toBe('${{ github.head_ref }}');
    expect(proof.env?.BASE_REF).toBe('${{ github.base_ref }}');
    const comment = uses(job, 'actions/github-script')!;
    const script = String(comment.with?.script);
    expect(script).toContain('/scripts/pr-comment.mjs');
    expect(script).toContain('upsertProofSheetComment');
    expect(existsSync(join(ROOT, 'scripts/pr-comment.mjs'))).toBe(true);
    // Forks get a read-only token: no comment for them.
    expect(comment.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    // The check fails after the comment is posted, and only when the sheet failed.
    const last = job.steps.at(-1)!;
    expect(last.if).toBe("steps.proof.outputs.exit-code != '0'");
  });

  it('publishes a preview only when the repository variable says so', () => {
    const job = wf.jobs['deploy-preview']!;
    expect(job.if).toContain("vars.PREVIEW_DEPLOY == 'true'");
    expect(job.needs).toBe('build-preview');
    // To a second repository with its own key: the blog's own Pages site is deploy.yml's.
    expect(job.permissions).toEqual({ contents: 'read' });
    const publish = uses(job, 'peaceiris/actions-gh-pages')!;
    expect(publish.with?.external_repository).toBe('${{ vars.PREVIEW_REPOSITORY }}');
    expect(publish.with?.destination_dir).toBe('pr-${{ github.event.pull_request.number }}');
  });
});

describe('the other workflows', () => {
  const load = (name: string) => parse(readFileSync(join(ROOT, '.github/workflows', name), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };

  it('runs the type check and the tests on every push to main and every pull request', () => {
    const wf = load('ci.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    const steps = wf.jobs.test!.steps;
    // Node once: setup-node's; the `node` package's second download is skipped (--ignore-scripts).
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci --ignore-scripts --no-audit --no-fund', 'npm run check', 'npm test']);
    expect(uses(wf.jobs.test!, 'actions/setup-node')?.with?.['node-version-file']).toBe('.node-version');
  });

  it('lets the Pages build job read the Pages settings, and deploys on Node 24', () => {
    const wf = load('deploy.yml');
    expect(wf.jobs.build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(uses(wf.jobs.build!, 'actions/setup-node')?.with?.['node-version-file']).toBe('.node-version');
    // Node once: the `node` devDependency's second download is skipped (the editor needs the dev install).
    expect(wf.jobs.build!.steps.map((s) => s.run).filter((r) => r?.startsWith('npm ci'))).toEqual(['npm ci --ignore-scripts --no-audit --no-fund']);
  });

  it('removes a pull request\'s preview when it is closed, with a pinned checkout holding the key', () => {
    const wf = load('pr-preview-cleanup.yml');
    expect(wf.on).toEqual({ pull_request: { types: ['closed'] } });
    const checkout = uses(wf.jobs['remove-preview']!, 'actions/checkout')!;
    expect(checkout.uses).toMatch(/@[0-9a-f]{40}$/);
    expect(checkout.with?.['ssh-key']).toBe('${{ secrets.PREVIEW_DEPLOY_KEY }}');
  });

  it('the linter refuses a step that gets a secret through a movable tag', () => {
    const wf = `on: push\npermissions: {contents: read}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - uses: someone/deploy@v1\n        with:\n          key: \${{ secrets.KEY }}\n`;
    expect(lintWorkflow(wf).join('\n')).toMatch(/is given a secret .* pin it to a full commit id/);
    expect(lintWorkflow(wf.replace('@v1', '@0123456789abcdef0123456789abcdef01234567 # v1.0.0'))).toEqual([]);
  });
});

describe('every workflow in .github/workflows', () => {
  it('passes the workflow linter (npm run lint:workflows)', () => {
    const dir = join(ROOT, '.github/workflows');
    for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
      expect(lintWorkflow(readFileSync(join(dir, f), 'utf8')), f).toEqual([]);
    }
  });
});

describe('the workflow linter', () => {
  it('catches what would make a workflow unsafe or broken', () => {
    const bad = `
on: pull_request_target
jobs:
  x:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
      - uses: actions/checkout
`;
    const problems = lintWorkflow(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('pull_request_target'),
        expect.stringContaining('permissions: missing'),
        expect.stringContaining('no timeout-minutes'),
        expect.stringContaining('is pasted into the script'),
        expect.stringContaining('has no version'),
      ]),
    );
  });

  it('wants every action pinned to a commit, with its release in a comment', () => {
    const wf = (uses: string) => `on: push\npermissions: {contents: read}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - uses: ${uses}\n`;
    expect(lintWorkflow(wf('actions/checkout@v5')).join('\n')).toMatch(/line 8: "actions\/checkout@v5" is not pinned to a commit/);
    expect(lintWorkflow(wf('actions/checkout@0123456789abcdef0123456789abcdef01234567')).join('\n')).toMatch(/does not say which release/);
    expect(lintWorkflow(wf('actions/checkout@0123456789abcdef0123456789abcdef01234567 # v5.1.0'))).toEqual([]);
    expect(lintWorkflow(wf('./.github/actions/local'))).toEqual([]);
  });

  it('reports schema errors such as a misspelt key', () => {
    const typo = 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    stepz: []\n';
    expect(lintWorkflow(typo).join('\n')).toContain("Additional property 'stepz' is not allowed");
    expect(lintWorkflow('on: [push\n')[0]).toMatch(/^YAML:/);
  });
});

describe('pull-request template and CODEOWNERS', () => {
  it('the template has a proofreading checklist', () => {
    const template = readFileSync(join(ROOT, '.github/pull_request_template.md'), 'utf8');
    const boxes = template.match(/^- \[ \] .+$/gm) ?? [];
    expect(boxes.length).toBeGreaterThanOrEqual(8);
    expect(template).toContain('proofreadBy');
    expect(template).toMatch(/no errors/i);
  });

  it('CODEOWNERS asks someone to review every post', () => {
    const rules = readFileSync(join(ROOT, '.github/CODEOWNERS'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/));
    // GitHub uses the last rule that matches a file.
    const owners = rules.filter(([pattern]) => 'content/posts/2018/07/x.mdx'.startsWith(pattern!.replace(/^\//, ''))).at(-1);
    expect(owners).toBeDefined();
    expect(owners!.slice(1).length).toBeGreaterThan(0);
    for (const owner of owners!.slice(1)) expect(owner).toMatch(/^@[\w-]+(\/[\w-]+)?$/);
  });
});
