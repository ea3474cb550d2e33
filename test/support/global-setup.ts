import { startMongo, type EmbeddedMongo } from '@suijing/embedded-mongo';

declare global {
  var __SUIJING_MONGO__: EmbeddedMongo | undefined;
}

/**
 * One MongoDB-compatible server for the whole run (the embedded default, or
 * MONGODB_URI); every test file uses its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['TEST_MONGODB_URI']) return;
  const mongo = await startMongo({ log: (line) => process.stderr.write(`${line}\n`) });
  globalThis.__SUIJING_MONGO__ = mongo;
  // Workers are forked after this, so they inherit it.
  process.env['TEST_MONGODB_URI'] = mongo.uri;
  process.env['TEST_MONGODB_KIND'] = mongo.kind;
}
