import type { Collection } from 'mongoose';
import { startTestStack, type TestStack } from '../support/stack';
import { eventually } from '../support/eventually';
import { serverKind, type ServerKind } from '../support/server-kind';

interface ProbeDocument {
  _id: string;
  expiresAt?: Date;
  n?: number;
  state?: string;
  taker?: number;
}

/**
 * What the BFF's design assumes of the server, probed. On a real MongoDB
 * (TEST_MONGODB_URI at a replica set, before going live) the strict results
 * are demanded; on FerretDB, the embedded default, its weaker ones are allowed
 * and are why the BFF trusts only unique inserts and sweeps expiry itself.
 */
describe('MongoDB server semantics', () => {
  let stack: TestStack;
  let kind: ServerKind;
  beforeAll(async () => {
    stack = await startTestStack();
    kind = await serverKind(stack.connection);
  });
  afterAll(() => stack.close());

  /** A collection of its own per probe, whose documents have string ids. */
  const probe = (name: string): Collection<ProbeDocument> =>
    stack.connection.collection<ProbeDocument>(`semantics_${name}`);

  it('when a TTL index is asked for and a document has expired, then a real mongod deletes it (FerretDB refuses the index)', async () => {
    // Arrange
    const collection = probe('ttl');
    await collection.insertOne({ _id: 'created-first', expiresAt: new Date(Date.now() + 3_600_000) });
    const made = await collection.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 }).then(
      () => 'created',
      (error: { code?: number }) => error.code,
    );
    // The TTL monitor runs every 60 s by default; once a second here, where the server allows it.
    const admin = stack.connection.db?.admin();
    const previous = await admin?.command({ setParameter: 1, ttlMonitorSleepSecs: 1 }).then(
      (answer) => answer['was'] as number | undefined,
      () => undefined,
    );

    // Act
    await collection.insertOne({ _id: 'expired', expiresAt: new Date(Date.now() - 1_000) });
    const left = await eventually(
      async () => (await collection.find({}).toArray()).map((d) => d._id),
      (ids) => kind === 'ferretdb' || !ids.includes('expired'),
      75_000,
    );
    if (previous !== undefined) await admin?.command({ setParameter: 1, ttlMonitorSleepSecs: previous });

    // Assert
    if (kind === 'mongod') {
      expect(made).toBe('created');
      expect(left).toEqual(['created-first']);
    } else {
      expect(made).toBe(238);
      expect(left.sort()).toEqual(['created-first', 'expired']);
    }
  }, 90_000);

  it('when 100 increments of one document race, then a real mongod counts every one (FerretDB may lose some)', async () => {
    // Arrange
    const collection = probe('increments');
    await collection.insertOne({ _id: 'counter', n: 0 });

    // Act
    await Promise.all(Array.from({ length: 100 }, () => collection.updateOne({ _id: 'counter' }, { $inc: { n: 1 } })));
    const counted = (await collection.findOne({ _id: 'counter' }))?.n ?? 0;

    // Assert
    if (kind === 'mongod') expect(counted).toBe(100);
    else expect(counted).toBeGreaterThanOrEqual(1);
    expect(counted).toBeLessThanOrEqual(100);
  });

  it('when 20 conditional updates race to take one document, then a real mongod lets exactly one win (FerretDB may let several)', async () => {
    // Arrange
    const collection = probe('conditional');
    await collection.insertOne({ _id: 'place', state: 'open' });

    // Act
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, taker) =>
        collection.findOneAndUpdate({ _id: 'place', state: 'open' }, { $set: { state: 'taken', taker } }),
      ),
    );
    const winners = answers.filter((answer) => answer !== null).length;

    // Assert
    if (kind === 'mongod') expect(winners).toBe(1);
    else expect(winners).toBeGreaterThanOrEqual(1);
    expect((await collection.findOne({ _id: 'place' }))?.state).toBe('taken');
  });

  it('when 20 inserts of one _id race, then exactly one succeeds on either server (what the BFF relies on)', async () => {
    // Arrange
    const collection = probe('unique');

    // Act
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        collection.insertOne({ _id: 'slot#1', n }).then(
          () => 'inserted',
          (error: { code?: number }) => error.code,
        ),
      ),
    );

    // Assert
    expect(outcomes.filter((o) => o === 'inserted')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'inserted').every((o) => o === 11000)).toBe(true);
  });
});
