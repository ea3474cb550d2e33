import { MongoClient } from 'mongodb';

/**
 * Resolves once `uri` answers a real `ping` (an open port alone proves
 * nothing about the wire protocol); rejects with the last error at `deadline`.
 * `isAlive` lets the caller stop waiting early when its child process died.
 */
export async function waitForPing(uri: string, deadline: number, isAlive: () => boolean = () => true): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadline && isAlive()) {
    const client = new MongoClient(uri, {
      directConnection: true,
      serverSelectionTimeoutMS: Math.max(250, Math.min(2000, deadline - Date.now())),
      appName: 'suijing-embedded-mongo',
    });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.close().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const reason = lastError instanceof Error ? lastError.message : 'server process exited';
  throw new Error(`no answer to ping at ${uri}: ${reason}`);
}
