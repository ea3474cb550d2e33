import { createServer, type IncomingMessage } from 'node:http';

/**
 * A man in the middle between the BFF and the real sandbox: requests go
 * through untouched; answers to chosen paths are rewritten as a hostile or
 * broken back-end system would send them (extra fields, script tags, wrong
 * types, huge bodies). The systems themselves stay real: no mocks.
 */
export interface TamperingProxy {
  /** Base URL to configure the BFF with (e.g. as GOV_API_BASE). */
  url: string;
  /** Where requests are passed on to; set once the sandbox is up. */
  target: string;
  /**
   * Rewrites JSON answers to requests whose path starts with `pathPrefix`: the rewrite gets the
   * parsed answer and returns the new one (an object, or raw text sent as is).
   */
  tamper(pathPrefix: string, rewrite: (answer: unknown) => unknown): void;
  /** Passes everything through untouched again. */
  clear(): void;
  /** Paths of the answers rewritten so far. */
  rewritten: string[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startTamperingProxy(): Promise<TamperingProxy> {
  const rules: Array<{ pathPrefix: string; rewrite: (answer: unknown) => unknown }> = [];
  const rewritten: string[] = [];
  const proxy: Omit<TamperingProxy, 'url' | 'close'> = {
    target: '',
    rewritten,
    tamper(pathPrefix, rewrite) {
      rules.push({ pathPrefix, rewrite });
    },
    clear() {
      rules.length = 0;
    },
  };
  const server = createServer((req, res) => {
    void (async () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers[name] = value;
      }
      const body = await bodyOf(req);
      const upstream = await fetch(proxy.target + (req.url ?? '/'), {
        method: req.method ?? 'GET',
        headers,
        body: body.length > 0 ? new Uint8Array(body) : null,
      });
      let text = await upstream.text();
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const rule = rules.find((r) => path.startsWith(r.pathPrefix));
      if (rule) {
        const changed = rule.rewrite(JSON.parse(text) as unknown);
        text = typeof changed === 'string' ? changed : JSON.stringify(changed);
        rewritten.push(path);
      }
      res.writeHead(upstream.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(text);
    })().catch(() => {
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('tampering proxy: no port');
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
