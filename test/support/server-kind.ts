import type { Connection } from 'mongoose';

/** Which server the suite runs on: a real MongoDB (`mongod`) or FerretDB, whose semantics are weaker. */
export type ServerKind = 'mongod' | 'ferretdb';

/**
 * The server behind a connection: TEST_MONGODB_KIND when the embedded server
 * was started for this run, else what the server says of itself (FerretDB's
 * buildInfo names its own version), as for a TEST_MONGODB_URI given by hand.
 */
export async function serverKind(connection: Connection): Promise<ServerKind> {
  const told = process.env['TEST_MONGODB_KIND'];
  if (told === 'mongod' || told === 'ferretdb') return told;
  const db = connection.db;
  if (!db) throw new Error('the connection is not open');
  const info = await db.admin().command({ buildInfo: 1 });
  return 'ferretdbVersion' in info ? 'ferretdb' : 'mongod';
}
