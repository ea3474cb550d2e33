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

/**
 * A server process this package started (mongod or FerretDB), as the
 * supervisor sees it: how to notice it died and how to start it again.
 */
export interface ServerProcess extends EmbeddedMongo {
  kind: 'mongod' | 'ferretdb';
  pid: number | undefined;
  /** Settles, with how it ended ("signal SIGKILL"), only if the process ends without stop(). */
  exited: Promise<string>;
  /** Starts the same server again on the same port and data directory, once this one has ended. */
  startAgain(): Promise<ServerProcess>;
}

/** What the individual starters get: options with defaults applied. */
export interface StarterOptions {
  dataDir: string | undefined;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
  port: number | undefined;
  /** Where a download may redraw its progress line; undefined when output is not a terminal. */
  terminal: { write(text: string): unknown } | undefined;
}
