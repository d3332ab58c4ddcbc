import type { CliSpec } from '../tools/cli';

/**
 * `npm run write`: the site's dev server with the editor's local backend switched on
 * (src/integrations/editor.ts), so an author writes at /admin/ on their own clone. Pure
 * planning here (which process, which settings, which address to print); scripts/write.ts
 * starts it.
 */
export const writeCli: CliSpec = {
  command: 'npm run write --',
  synopsis: '[options]',
  summary:
    "Start the blog's dev server with the editor, and print the editor's address. Drafts saved there become branches (cms/posts/…) in this clone; nothing else in the folder is committed.",
  options: {
    port: { type: 'string', value: 'n', default: '4321', help: "the site's port (default 4321; when it is busy the next free one is used, and printed)" },
    host: { type: 'string', value: 'name', default: '127.0.0.1', help: 'address to listen on (default 127.0.0.1, this computer only)' },
  },
  epilogue: ['Stop with Ctrl+C. Guide: docs/WRITING.md, "Writing in the browser".'],
};

export interface WritePlan {
  site: { args: string[]; env: Record<string, string> };
}

function port(value: unknown, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`--${option} must be a port number (1-65535); got "${String(value)}".`);
  return n;
}

/**
 * The dev server. `branch` is the clone's current branch: the editor's "main", which
 * drafts branch from and "Publish" commits to.
 */
export function planWrite(values: Record<string, unknown>, branch: string): WritePlan {
  const sitePort = port(values.port, 'port');
  const host = String(values.host);
  if (!branch) throw new Error('This folder is not on a git branch (detached HEAD?): check out your main branch first, e.g. git switch main.');
  return {
    site: {
      args: ['node_modules/astro/bin/astro.mjs', 'dev', '--host', host, '--port', String(sitePort)],
      env: { SHRINKRAP_EDITOR_LOCAL: '1', EDITOR_BRANCH: branch },
    },
  };
}

/**
 * The editor's address from the dev server's own words ("Local  http://127.0.0.1:4322/"),
 * so the printed address is where the server really answers when its port was taken.
 * Undefined until that line has been printed.
 */
export function editorAddressFromOutput(output: string): string | undefined {
  // Colour codes off, then the first http address on a line that says "Local".
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  for (const line of plain.split('\n')) {
    if (!/\bLocal\b/.test(line)) continue;
    const url = line.split(/\s+/).find((word) => /^https?:\/\//.test(word));
    if (url) return new URL('admin/', url.endsWith('/') ? url : `${url}/`).href.replace('//localhost:', '//127.0.0.1:');
  }
  return undefined;
}
