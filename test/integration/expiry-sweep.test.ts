import { databaseModels, ensureIndexes, sweepExpired } from '@suijing/bff';
import { Writable } from 'node:stream';
import pino from 'pino';
import { serverKind } from '../support/server-kind';
import { startTestStack, type TestStack } from '../support/stack';

/** Where the server has no TTL indexes (FerretDB), the BFF deletes expired documents itself. */
describe('expiry sweep', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('when documents have expired, then a sweep deletes them and keeps the rest', async () => {
    // Arrange
    const collection = stack.connection.collection('sweep_probe');
    const now = new Date('2026-11-28T03:00:00Z');
    await collection.insertMany([
      { _id: 'old' as never, expiresAt: new Date(now.getTime() - 1000) },
      { _id: 'fresh' as never, expiresAt: new Date(now.getTime() + 60_000) },
    ]);

    // Act
    const sweeper = sweepExpired(
      [{ collection, field: 'expiresAt', expireAfterSeconds: 0 }],
      () => now,
      pino({ level: 'silent' }),
      20,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    sweeper.stop();

    // Assert
    expect((await collection.find({}).toArray()).map((d) => d._id)).toEqual(['fresh']);
  });

  it('when the server refuses TTL indexes, then start-up says so in one line naming every collection swept', async () => {
    // Arrange
    const lines: string[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );

    // Act
    const unsupported = await ensureIndexes(Object.values(databaseModels(stack.connection)), logger);

    // Assert: a real mongod builds every TTL index and says nothing about them; FerretDB refuses them all.
    const ttlLines = lines.filter((line) => line.includes('TTL'));
    if ((await serverKind(stack.connection)) === 'mongod') expect(unsupported).toEqual([]);
    else expect(unsupported.length).toBeGreaterThan(0);
    expect(ttlLines).toHaveLength(unsupported.length > 0 ? 1 : 0);
    for (const { collection } of unsupported) expect(ttlLines[0]).toContain(`"${collection.name}"`);
  });
});
