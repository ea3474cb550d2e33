import mongoose, { type Collection, type Connection, type Schema } from 'mongoose';
import type { Logger } from './logger';

/**
 * Connects without command buffering, so that while MongoDB is gone requests
 * fail at once with a 503 instead of hanging until a client timeout.
 */
export async function connectDatabase(uri: string, logger: Logger): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    serverSelectionTimeoutMS: 3000,
    connectTimeoutMS: 5000,
    maxPoolSize: 50,
  });
  connection.on('disconnected', () => logger.warn('MongoDB disconnected'));
  connection.on('reconnected', () => logger.info('MongoDB reconnected'));
  await connection.asPromise();
  reviveWhenStuck(connection, uri, logger);
  return connection;
}

async function answersPing(db: { command(cmd: object): Promise<unknown> }, withinMs: number): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), withinMs).unref());
  return Promise.race([
    db.command({ ping: 1 }).then(
      () => true,
      () => false,
    ),
    timeout,
  ]);
}

/**
 * After MongoDB restarts, the driver's server monitor now and then never
 * checks the server again (seen with driver 7.8 on about one restart in six):
 * every request then fails server selection although MongoDB is back. When
 * pings have failed for `stuckAfterMs` while a new client reaches the server,
 * this client is closed and connected again; models and collections keep
 * working, they go through the same client.
 */
function reviveWhenStuck(connection: Connection, uri: string, logger: Logger, everyMs = 5_000, stuckAfterMs = 15_000) {
  let failingSince: number | undefined;
  let checking = false;
  const check = async () => {
    const db = connection.db;
    if (checking || !db) return;
    checking = true;
    try {
      if (await answersPing(db, 2_000)) {
        failingSince = undefined;
        return;
      }
      failingSince ??= Date.now();
      if (Date.now() - failingSince < stuckAfterMs) return;
      const probe = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 2_000 });
      const serverAnswers = await answersPing(probe.db(), 3_000);
      await probe.close().catch(() => undefined);
      if (!serverAnswers) return; // MongoDB really is down: the driver will find it when it is back
      logger.warn('MongoDB answers but this client is stuck: reconnecting');
      const client = connection.getClient();
      await client.close();
      await client.connect();
      failingSince = undefined;
      logger.info('MongoDB client reconnected');
    } catch (error) {
      logger.warn({ err: error }, 'MongoDB reconnect failed; will try again');
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  // Closed on purpose (shutdown, tests): nothing to revive.
  connection.once('close', () => clearInterval(timer));
}

const NOT_IMPLEMENTED = 238;
const INDEX_OPTIONS_CONFLICT = new Set([85, 86]);

function errorCode(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: number }).code : undefined;
}

/**
 * Creates a model's indexes one by one. A TTL option the server does not
 * implement (FerretDB answers NotImplemented) is tolerated: expiry is enforced
 * on every read anyway, the TTL index only cleans up.
 */
export interface IndexedModel {
  schema: Schema;
  collection: Collection;
}

/** A TTL index the server would not create: its documents must be swept by us. */
export interface UnsupportedTtl {
  collection: Collection;
  field: string;
  expireAfterSeconds: number;
}

export async function ensureIndexes(models: IndexedModel[], logger: Logger): Promise<UnsupportedTtl[]> {
  const unsupported: UnsupportedTtl[] = [];
  for (const model of models) {
    for (const [fields, options] of model.schema.indexes()) {
      try {
        const { unique, expireAfterSeconds } = options;
        await model.collection.createIndex(fields as Record<string, 1 | -1>, {
          ...(unique === true ? { unique: true } : {}),
          ...(expireAfterSeconds !== undefined ? { expireAfterSeconds } : {}),
        });
      } catch (error) {
        const code = errorCode(error);
        if (options.expireAfterSeconds !== undefined && code === NOT_IMPLEMENTED) {
          const [field] = Object.keys(fields);
          if (field)
            unsupported.push({ collection: model.collection, field, expireAfterSeconds: options.expireAfterSeconds });
          continue;
        }
        if (code !== undefined && INDEX_OPTIONS_CONFLICT.has(code)) {
          logger.warn({ collection: model.collection.name, fields }, 'index exists with other options; left as is');
          continue;
        }
        throw error;
      }
    }
  }
  if (unsupported.length > 0) {
    // One line for all of them: a line per collection read like a list of problems.
    logger.info(
      { collections: unsupported.map((ttl) => ttl.collection.name) },
      'TTL indexes not supported by this MongoDB server: expiry is checked on read and the BFF deletes expired documents every minute',
    );
  }
  return unsupported;
}

/**
 * Does what a TTL index would: deletes expired documents every `everyMs`.
 * Without it, collections on a server without TTL (FerretDB) only grow, and
 * that server scans whole collections on every query.
 */
export function sweepExpired(
  targets: UnsupportedTtl[],
  now: () => Date,
  logger: Logger,
  everyMs = 60_000,
): { stop(): void } {
  if (targets.length === 0) return { stop: () => undefined };
  const sweep = async () => {
    for (const { collection, field, expireAfterSeconds } of targets) {
      const cutoff = new Date(now().getTime() - expireAfterSeconds * 1000);
      try {
        const { deletedCount } = await collection.deleteMany({ [field]: { $lt: cutoff } });
        if (deletedCount > 0) logger.debug({ collection: collection.name, deletedCount }, 'expired documents swept');
      } catch (error) {
        logger.warn({ err: error, collection: collection.name }, 'expiry sweep failed; will retry');
      }
    }
  };
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** True when the error is a duplicate key (a lost race on a unique key). */
export function isDuplicateKey(error: unknown): boolean {
  return errorCode(error) === 11000;
}

/**
 * Runs an upsert, once more if it lost the insert race: two upserts of a new
 * _id at once both try to insert, and the loser gets a duplicate key (MongoDB
 * retries that itself only in some cases, FerretDB never). The second try
 * finds the winner's document and updates it.
 */
export async function upsertRacing<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return upsert();
  }
}
