import { describe, expect, it } from 'vitest';
import { parseCli, usage, type CliSpec } from '../../../src/lib/tools/cli';

const spec: CliSpec = {
  command: 'npm run demo --',
  synopsis: '[files…] [options]',
  summary: 'Does a demo thing.',
  allowPositionals: true,
  options: {
    format: { type: 'string', value: 'name', help: 'output format', default: 'text' },
    'dry-run': { type: 'boolean', help: 'write nothing' },
  },
};

describe('parseCli', () => {
  it('returns values and positionals for good input', () => {
    const r = parseCli(spec, ['a.xml', '--format', 'json', '--dry-run']);
    expect(r).toEqual({ kind: 'run', values: { format: 'json', 'dry-run': true }, positionals: ['a.xml'] });
  });

  it('prints the usage on --help and -h, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = parseCli(spec, [flag]);
      expect(r.kind).toBe('exit');
      if (r.kind !== 'exit') return;
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: npm run demo -- [files…] [options]');
      expect(r.stdout).toMatch(/--format <name>\s+output format/);
      expect(r.stdout).toMatch(/-h, --help\s+show this help/);
    }
  });

  it('an unknown option is one line of error then the usage, exit 2', () => {
    const r = parseCli(spec, ['--nope']);
    expect(r.kind).toBe('exit');
    if (r.kind !== 'exit') return;
    expect(r.code).toBe(2);
    const [first, second] = r.stderr.split('\n');
    expect(first).toMatch(/^npm run demo: Unknown option '--nope'/);
    expect(second).toBe('');
    expect(r.stderr).toContain(usage(spec));
  });

  it('a string option without its value is an error, not a crash', () => {
    const r = parseCli(spec, ['--format']);
    expect(r.kind === 'exit' && r.code).toBe(2);
  });

  it('refuses positionals when the tool takes none', () => {
    const r = parseCli({ ...spec, allowPositionals: false }, ['stray']);
    expect(r.kind === 'exit' && r.code).toBe(2);
  });
});
