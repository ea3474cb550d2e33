import { startFerretdb } from './ferretdb';
import { findMongod, startMongod } from './mongod';
import { superviseServer, type SupervisedMongo, type SuperviseOptions } from './supervise';
import type { EmbeddedMongo, ServerProcess, StarterOptions, StartMongoOptions } from './types';

export type { EmbeddedMongo, MongoKind, StartMongoOptions } from './types';
export type { SupervisedMongo, SuperviseOptions } from './supervise';

/**
 * The MongoDB the app should use: MONGODB_URI when set, else a real mongod
 * (MONGOMS_SYSTEM_BINARY, PATH, or mongodb-memory-server's download), else
 * FerretDB on SQLite. Logs one line "MongoDB: <description>" when ready.
 */
export async function startMongo(options: StartMongoOptions = {}): Promise<EmbeddedMongo> {
  return start(options);
}

/**
 * startMongo for a long-running app (npm start): a server that dies is started
 * again on the same port and data directory; see superviseServer.
 */
export async function startSupervisedMongo(
  options: StartMongoOptions & SuperviseOptions & { dataDir: string },
): Promise<SupervisedMongo> {
  return superviseServer(await start(options), options);
}

async function start(options: StartMongoOptions): Promise<EmbeddedMongo | ServerProcess> {
  const starter: StarterOptions = {
    dataDir: options.dataDir,
    log: options.log ?? ((line) => console.log(line)),
    env: options.env ?? process.env,
    port: options.port,
    // Only the default log writes to stdout; a caller's own log gets progress as lines.
    terminal: options.log === undefined && process.stdout.isTTY ? process.stdout : undefined,
  };
  const mongo = await choose(starter);
  starter.log(`MongoDB: ${mongo.description}`);
  return mongo;
}

async function choose(options: StarterOptions): Promise<EmbeddedMongo | ServerProcess> {
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
  const mongod = await findMongod(options.env, options.log, options.terminal);
  return mongod ? startMongod(mongod, options) : startFerretdb(options);
}

function hidePassword(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
