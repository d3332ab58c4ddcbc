import type { Reporter, TestModule } from 'vitest/node';

/**
 * Where the time of `npm test` goes, printed after the run: the wall-clock time, each
 * project's files and summed time (import + tests + hooks, so builds spawned by a test
 * count for it), and the slowest files. Summed times overlap (unit files run in parallel),
 * so compare files with each other, not with the wall clock.
 */
export default class TimingReporter implements Reporter {
  private started = 0;

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = modules.map((m) => {
      const d = m.diagnostic();
      return { project: m.project.name || 'default', file: m.relativeModuleId, seconds: (d.collectDuration + d.setupDuration + d.duration) / 1000 };
    });
    const projects = new Map<string, { files: number; seconds: number }>();
    for (const r of rows) {
      const p = projects.get(r.project) ?? { files: 0, seconds: 0 };
      p.files++;
      p.seconds += r.seconds;
      projects.set(r.project, p);
    }
    const s = (n: number) => `${n.toFixed(1)} s`;
    const lines = [`\nWhere the time went (wall clock ${s((performance.now() - this.started) / 1000)}; the sample site's build is printed by [global-build]):`];
    for (const [name, p] of [...projects].sort((a, b) => b[1].seconds - a[1].seconds)) lines.push(`  ${name.padEnd(8)} ${String(p.files).padStart(3)} files  ${s(p.seconds).padStart(8)} summed`);
    lines.push('  slowest files:');
    for (const r of [...rows].sort((a, b) => b.seconds - a.seconds).slice(0, 12)) lines.push(`  ${s(r.seconds).padStart(8)}  ${r.project.padEnd(8)} ${r.file}`);
    console.log(lines.join('\n'));
  }
}
