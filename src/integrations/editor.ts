import type { AstroIntegration } from 'astro';
import { request } from 'node:http';

/**
 * The browser editor in `astro dev` (`npm run write`): /admin/ opens the editor page, and
 * /admin/api/v1 is forwarded to decap-server, so the editor talks only to its own origin
 * (no cross-origin request, nothing to add to its Content-Security-Policy).
 * The built site needs nothing from here: /admin/ is a set of static files.
 */
export default function editorIntegration(): AstroIntegration {
  return {
    name: 'shrinkrap:editor',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const base = (server.config.base ?? '/').replace(/\/$/, '');
        const apiPath = `${base}/admin/api/v1`;
        const port = Number(process.env.DECAP_SERVER_PORT ?? 8081);
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          if (path === `${base}/admin` || path === `${base}/admin/`) {
            req.url = `${base}/admin/index.html`;
            return next();
          }
          if (path !== apiPath) return next();
          const upstream = request(
            { host: '127.0.0.1', port, path: '/api/v1', method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' } },
            (answer) => {
              res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
              answer.pipe(res);
            },
          );
          upstream.on('error', () => {
            res.writeHead(502, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: `The editor's local backend is not running on port ${port}: start it with npm run write.` }));
          });
          req.pipe(upstream);
        });
      },
    },
  };
}
