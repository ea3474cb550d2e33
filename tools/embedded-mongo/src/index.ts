import { startFerretdb } from './ferretdb';
import { findMongod, startMongod } from './mongod';
import type { EmbeddedMongo, StarterOptions, StartMongoOptions } from './types';

export type { EmbeddedMongo, MongoKind, StartMongoOptions } from './types';

/**
 * The MongoDB the app should use: MONGODB_URI when set, else a real mongod
 * (MONGOMS_SYSTEM_BINARY, PATH, or mongodb-memory-server's download), else
 * FerretDB on SQLite. Logs one line "MongoDB: <description>" when ready.
 */
export async function startMongo(options: StartMongoOptions = {}): Promise<EmbeddedMongo> {
  const starter: StarterOptions = {
    dataDir: options.dataDir,
    log: options.log ?? ((line) => console.log(line)),
    env: options.env ?? process.env,
    port: options.port,
  };
  const mongo = await choose(starter);
  starter.log(`MongoDB: ${mongo.description}`);
  return mongo;
}

async function choose(options: StarterOptions): Promise<EmbeddedMongo> {
  const external = options.env['MONGODB_URI'];
  if (external) {
    return {
      uri: external,
      kind: 'external',
      description: `external server from MONGODB_URI ${hidePassword(external)}`,
      stop: async () => undefined,
    };
  }
  // findMongod already proved the binary runs (`mongod --version`). A mongod
  // that then fails to start (port, data dir locked or damaged) is an error to
  // see, not a reason to switch silently to FerretDB and an empty database.
  const mongod = await findMongod(options.env, options.log);
  return mongod ? startMongod(mongod, options) : startFerretdb(options);
}

function hidePassword(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
