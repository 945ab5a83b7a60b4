import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { APP_JS } from '../ui/app-js.js';
import { pageHtml } from '../ui/page-html.js';

/**
 * `GET /` (the web page) and `GET /app.js` (its script). Neither needs the token; the page asks for it when the server
 * has one and sends it to `/v1`.
 * @param app - the root scope
 * @param context - shared server state
 */
export async function uiRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const html = pageHtml({ auth: context.options.token !== undefined });
  const security = {
    'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self' about:; object-src 'none'; base-uri 'none'",
    'x-content-type-options': 'nosniff',
  };
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.headers(security).type('text/html; charset=utf-8').send(html));
  app.get('/app.js', { schema: { hide: true } }, async (_request, reply) => reply
    .header('x-content-type-options', 'nosniff').type('text/javascript; charset=utf-8').send(APP_JS));
}
