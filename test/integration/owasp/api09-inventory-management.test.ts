import { operationKey } from '../../support/openapi';
import type { ErrorBody } from '../../support/owasp/checks';
import { owaspSuite, verifiedCitizen } from '../../support/owasp/world';

/** OWASP API Security Top 10 (2023), API9: the routers, /openapi.json and the version agree. */

describe('OWASP API Security Top 10 (2023)', () => {
  const { stack, doc, operations, w, api, as } = owaspSuite(async (started) => ({
    a: await verifiedCitizen(started, 'primary'),
  }));

  describe('API9:2023 Improper Inventory Management', () => {
    interface RouterLayer {
      path: string;
      methods: string[];
    }

    /** Every (method, path) the app's routers answer, read from the routers themselves. */
    function routedOperations(): string[] {
      const middleware = stack.app.middleware as unknown as Array<{ router?: { stack: RouterLayer[] } }>;
      const layers = middleware.flatMap((m) => m.router?.stack ?? []);
      return [
        ...new Set(
          layers.flatMap((layer) =>
            layer.methods
              .filter((method) => method !== 'HEAD')
              .map((method) => `${method} ${layer.path.replace(/:(\w+)/g, '{$1}')}`),
          ),
        ),
      ];
    }

    /** Routes served beside the documented API, and why they are not in it. */
    const UNDOCUMENTED: Record<string, string> = {
      'GET /openapi.json': 'the document itself',
      'GET /docs': 'the Swagger UI page, a view of the document (not served in production: see API8)',
      'GET /docs/init.js': 'the Swagger UI start script (not served in production)',
      'GET /docs/assets/{file}': 'the self-hosted Swagger UI files (not served in production)',
    };

    it("when the routers' own table is compared with /openapi.json, then they list the same operations", () => {
      // Arrange
      const documented = operations.map(operationKey);

      // Act
      const routed = routedOperations().filter((key) => !key.includes('{*rest}') && !(key in UNDOCUMENTED));

      // Assert
      expect(routed.length).toBeGreaterThan(50);
      expect(routed.filter((key) => !documented.includes(key))).toEqual([]);
      expect(documented.filter((key) => !routed.includes(key))).toEqual([]);
    });

    it('when every documented operation is called, then each is routed (never ROUTE_NOT_FOUND or 405)', async () => {
      // Act
      const answers = [];
      for (const op of operations) {
        const url = op.path.replace(/\{\w+\}/g, 'A1b2C3d4E5f6G7h8J9k0');
        const res = await api()[op.method](url).set('X-Forwarded-For', '192.0.2.99');
        answers.push({ key: operationKey(op), res });
      }

      // Assert
      const unrouted = answers.filter(
        ({ res }) => res.status === 405 || (res.body as Partial<ErrorBody>).error?.code === 'ROUTE_NOT_FOUND',
      );
      expect(unrouted.map((a) => a.key)).toEqual([]);
    });

    it('when the version is read, then every API path is under /api/v1 and no other or unversioned API answers', async () => {
      // Arrange
      const outside = Object.keys(doc.paths).filter((path) => !path.startsWith('/api/v1/'));

      // Act
      const others = await Promise.all(
        ['/api/v2/me', '/api/v0/me', '/api/me', '/v1/me', '/api/v1.1/me', '/api/latest/me'].map((path) =>
          api().get(path).set(as(w.a)),
        ),
      );

      // Assert
      expect(outside.sort()).toEqual(['/healthz', '/readyz']);
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.info.version).toMatch(/\S/);
      for (const res of others) expect(res.status).toBe(404);
    });
  });
});
