import type { AstroIntegration } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalGitBackend, LocalGitError } from '../lib/editor/local-git';

/**
 * The browser editor in `astro dev`: /admin/ opens the editor page, and with
 * `npm run write` (SHRINKRAP_EDITOR_LOCAL=1) /admin/api/v1 answers Decap's local API from
 * this clone's git objects (src/lib/editor/local-git.ts): same origin, one process.
 * Requests from another origin are refused, so no other web page can write to the clone.
 * The built site needs nothing from here: /admin/ is a set of static files.
 */
export default function editorIntegration(): AstroIntegration {
  return {
    name: 'shrinkrap:editor',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const base = (server.config.base ?? '/').replace(/\/$/, '');
        const apiPath = `${base}/admin/api/v1`;
        const backend = process.env.SHRINKRAP_EDITOR_LOCAL === '1' ? new LocalGitBackend({ repoDir: server.config.root }) : undefined;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          if (path === `${base}/admin` || path === `${base}/admin/`) {
            req.url = `${base}/admin/index.html`;
            return next();
          }
          if (path !== apiPath) return next();
          void answer(backend, req, res);
        });
      },
    },
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function answer(backend: LocalGitBackend | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!backend) return reply(res, 404, { error: 'The editor writes to this folder only when started with npm run write.' });
  const origin = req.headers.origin;
  if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json') || (origin && new URL(origin).host !== req.headers.host)) {
    return reply(res, 403, { error: 'Only the editor on this same address may write here.' });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const { action, params } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { action: string; params?: Record<string, unknown> };
    reply(res, 200, await backend.handle(action, params ?? {}));
  } catch (error) {
    const status = error instanceof LocalGitError ? error.status : 500;
    const message = error instanceof Error ? error.message : String(error);
    if (status === 500) console.error(`[editor] ${message}`);
    reply(res, status, { error: message, message });
  }
}
