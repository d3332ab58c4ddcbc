import type { CliSpec } from '../tools/cli';

/**
 * `npm run write`: the site's dev server and Decap's local backend (decap-server in git
 * mode) side by side, so an author writes at /admin/ on their own clone. Pure planning
 * here (which processes, which settings); scripts/write.ts starts them.
 */
export const writeCli: CliSpec = {
  command: 'npm run write --',
  synopsis: '[options]',
  summary:
    "Start the blog's dev server and the editor's local backend, and print the editor's address. Drafts saved there become branches (cms/posts/…) and commits in this clone.",
  options: {
    port: { type: 'string', value: 'n', default: '4321', help: "the site's port (default 4321)" },
    'backend-port': { type: 'string', value: 'n', default: '8081', help: "decap-server's port (default 8081)" },
    host: { type: 'string', value: 'name', default: '127.0.0.1', help: 'address to listen on (default 127.0.0.1, this computer only)' },
  },
  epilogue: ['Stop both with Ctrl+C. Guide: docs/WRITING.md, "Writing in the browser".'],
};

export interface WritePlan {
  editorUrl: string;
  backend: { args: string[]; env: Record<string, string> };
  site: { args: string[]; env: Record<string, string> };
}

function port(value: unknown, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`--${option} must be a port number (1-65535); got "${String(value)}".`);
  return n;
}

/**
 * The two processes. `branch` is the clone's current branch: the editor's "main", which
 * drafts branch from and "Publish" merges into.
 */
export function planWrite(values: Record<string, unknown>, repoDir: string, branch: string): WritePlan {
  const sitePort = port(values.port, 'port');
  const backendPort = port(values['backend-port'], 'backend-port');
  const host = String(values.host);
  if (!branch) throw new Error('This folder is not on a git branch (detached HEAD?): check out your main branch first, e.g. git switch main.');
  return {
    editorUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${sitePort}/admin/`,
    backend: {
      args: ['node_modules/decap-server/dist/index.js'],
      env: { MODE: 'git', GIT_REPO_DIRECTORY: repoDir, PORT: String(backendPort), BIND_HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    },
    site: {
      args: ['node_modules/astro/bin/astro.mjs', 'dev', '--host', host, '--port', String(sitePort)],
      env: { DECAP_SERVER_PORT: String(backendPort), EDITOR_BRANCH: branch },
    },
  };
}
