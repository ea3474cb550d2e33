export type MongoKind = 'external' | 'mongod' | 'ferretdb';

export interface EmbeddedMongo {
  /** Connection string ending in "/" (append a database name) unless it came from MONGODB_URI. */
  uri: string;
  kind: MongoKind;
  /** One line for humans, e.g. "FerretDB v1.24.2 (SQLite at /x) on mongodb://127.0.0.1:4242/". */
  description: string;
  /** Stops the server; idempotent. A no-op for 'external'. */
  stop(): Promise<void>;
}

export interface StartMongoOptions {
  /** Directory whose data survives restarts (npm start). Omit for a throwaway temp dir (tests), removed on stop. */
  dataDir?: string;
  /** Where progress and the "started X" line go; default console.log. */
  log?: (line: string) => void;
  /** Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Fixed TCP port on 127.0.0.1 (CLI --port); default: a free one picked by the server itself. */
  port?: number;
}

/** What the individual starters get: options with defaults applied. */
export interface StarterOptions {
  dataDir: string | undefined;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
  port: number | undefined;
}
