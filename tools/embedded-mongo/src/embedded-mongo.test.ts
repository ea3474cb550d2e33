import { spawnSync } from 'node:child_process';
import { access, chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { MongoClient } from 'mongodb';
import mongoose, { Schema, type Connection } from 'mongoose';

import { buildOnce } from './build-once';
import { findGo } from './go';
import { startMongo, type EmbeddedMongo } from './index';
import { findMongod } from './mongod';

// Real servers only: whatever this machine offers (mongod, else FerretDB).
const quiet = (): void => undefined;

async function pingable(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { directConnection: true, serverSelectionTimeoutMS: 500 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close();
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'embedded-mongo-test-'));
}

describe('startMongo with a throwaway data dir', () => {
  let mongo: EmbeddedMongo;
  let conn: Connection;
  const lines: string[] = [];

  beforeAll(async () => {
    const env = { ...process.env };
    delete env['MONGODB_URI'];
    mongo = await startMongo({ env, log: (line) => lines.push(line) });
    // What the BFF should do: no implicit index builds, explicit creation instead.
    conn = await mongoose
      .createConnection(`${mongo.uri}embedded_mongo_test`, { autoIndex: false, autoCreate: false })
      .asPromise();
  });

  afterAll(async () => {
    await conn?.close();
    await mongo?.stop();
  });

  test('when it starts, then it logs exactly one "MongoDB:" line and answers ping', async () => {
    // Arrange: started in beforeAll
    // Act
    const alive = await pingable(mongo.uri);
    // Assert
    expect(alive).toBe(true);
    expect(mongo.kind === 'mongod' || mongo.kind === 'ferretdb').toBe(true);
    expect(mongo.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines.filter((line) => line.startsWith('MongoDB: '))).toEqual([`MongoDB: ${mongo.description}`]);
    expect(mongo.description).toContain(mongo.uri);
  });

  test('when a duplicate value hits a unique index, then the insert rejects with code 11000', async () => {
    // Arrange
    const User = conn.model('User', new Schema({ phone: { type: String, required: true, unique: true } }));
    await User.createCollection();
    await User.createIndexes();
    await User.create({ phone: '13800000000' });
    // Act
    const duplicate = User.create({ phone: '13800000000' });
    // Assert
    await expect(duplicate).rejects.toMatchObject({ code: 11000 });
  });

  test('when an optional unique field is declared sparse, then documents without it coexist and duplicates still reject', async () => {
    // Arrange: FerretDB lets two documents miss a plain unique field, MongoDB does not; sparse behaves the same on both.
    const Device = conn.model('Device', new Schema({ openid: { type: String, unique: true, sparse: true } }));
    await Device.createIndexes();
    // Act
    const withoutField = Device.create([{}, {}]);
    // Assert
    await expect(withoutField).resolves.toHaveLength(2);
    await Device.create({ openid: 'o-1' });
    await expect(Device.create({ openid: 'o-1' })).rejects.toMatchObject({ code: 11000 });
  });

  test('when a TTL index is requested, then FerretDB answers NotImplemented (238) and a real mongod builds it', async () => {
    // Arrange: the collection exists first (a refused createIndexes does not create it on FerretDB)
    const sessions = conn.collection('sessions');
    await sessions.insertOne({ sid: 's-1', expiresAt: new Date() });
    // Act (the BFF's ensureIndexes tolerates exactly this answer)
    const outcome = await sessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 3600 }).then(
      () => 'created',
      (error: { code?: number }) => error.code,
    );
    // Assert
    expect(outcome).toBe(mongo.kind === 'ferretdb' ? 238 : 'created');
    const ttl = (await sessions.listIndexes().toArray()).find((index) => index['expireAfterSeconds'] !== undefined);
    expect(ttl !== undefined).toBe(outcome === 'created');
  });

  test('when mongoose autoIndex builds a schema TTL index, then Model.init fails on FerretDB only (why the BFF turns autoIndex off)', async () => {
    // Arrange
    const autoConn = await mongoose.createConnection(`${mongo.uri}embedded_mongo_autoindex`).asPromise();
    const Session = autoConn.model(
      'Session',
      new Schema({ sid: { type: String, unique: true }, expiresAt: { type: Date, expires: 60 } }),
    );
    // Act
    const outcome = await Session.init().then(
      () => 'ok',
      (error: { code?: number }) => error.code,
    );
    const names = (await Session.listIndexes()).map((index: { name?: string }) => index.name);
    await autoConn.close();
    // Assert
    expect(outcome).toBe(mongo.kind === 'ferretdb' ? 238 : 'ok');
    expect(names).toContain('sid_1');
  });

  test('when findOneAndUpdate upserts with $setOnInsert, then only the first call sets the insert-only fields', async () => {
    // Arrange
    const Key = conn.model(
      'IdempotencyKey',
      new Schema({ key: { type: String, unique: true }, firstSeen: Date, hits: Number }),
    );
    await Key.createIndexes();
    const upsert = (at: Date) =>
      Key.findOneAndUpdate(
        { key: 'k-1' },
        { $setOnInsert: { firstSeen: at }, $inc: { hits: 1 } },
        { upsert: true, returnDocument: 'after' },
      ).lean();
    const first = new Date('2026-01-01T00:00:00Z');
    // Act
    const created = await upsert(first);
    const updated = await upsert(new Date('2026-02-02T00:00:00Z'));
    // Assert
    expect(created).toMatchObject({ key: 'k-1', hits: 1, firstSeen: first });
    expect(updated).toMatchObject({ key: 'k-1', hits: 2, firstSeen: first });
    expect(await Key.countDocuments({ key: 'k-1' })).toBe(1);
  });
});

describe('stop', () => {
  test('when a throwaway server is stopped, then it stops answering, its temp dir is gone, and stopping again is harmless', async () => {
    // Arrange
    const mongo = await startMongo({ log: quiet, env: { ...process.env, MONGODB_URI: '' } });
    const dir = /throwaway (\/[^,)]+)/.exec(mongo.description)?.[1] ?? '';
    const existedWhileRunning = await exists(dir);
    // Act
    await mongo.stop();
    await mongo.stop();
    // Assert
    expect(existedWhileRunning).toBe(true);
    expect(await exists(dir)).toBe(false);
    expect(await pingable(mongo.uri)).toBe(false);
  });
});

describe('choosing the server', () => {
  test('when a `mongod` on PATH is not a working mongod, then it is skipped with a note and a working server still starts', async () => {
    // Arrange
    const fakeBin = await tempDir();
    const fake = path.join(fakeBin, 'mongod');
    await writeFile(fake, '#!/bin/sh\necho "command not really here" >&2\nexit 127\n');
    await chmod(fake, 0o755);
    const lines: string[] = [];
    const env = { ...process.env, MONGODB_URI: '', PATH: `${fakeBin}${path.delimiter}${process.env['PATH'] ?? ''}` };
    // Act
    const mongo = await startMongo({ env, log: (line) => lines.push(line) });
    try {
      // Assert
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^ignoring ${fake}: `)));
      expect(await pingable(mongo.uri)).toBe(true);
    } finally {
      await mongo.stop();
      await rm(fakeBin, { recursive: true, force: true });
    }
  });
});

describe('no mongod to be had', () => {
  test('when no mongod is installed and none can be downloaded, then one line says so and what to do', async () => {
    // Arrange: nothing on PATH, an empty download dir, a version nobody has and a download URL that refuses.
    const downloadDir = await tempDir();
    const lines: string[] = [];
    const env = {
      PATH: downloadDir,
      MONGOMS_DOWNLOAD_DIR: downloadDir,
      MONGOMS_VERSION: '7.0.99',
      MONGOMS_DOWNLOAD_URL: 'https://127.0.0.1:9/mongodb-linux-x86_64-debian12-7.0.99.tgz',
    };
    try {
      // Act
      const found = await findMongod(env, (line) => lines.push(line));

      // Assert
      expect(found).toBeUndefined();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^no mongod could be downloaded \(Download failed .+\); using FerretDB instead\. /);
      expect(lines[0]).toContain('MONGOMS_SYSTEM_BINARY=/path/to/mongod');
      expect(lines[0]).not.toContain('\n');
    } finally {
      await rm(downloadDir, { recursive: true, force: true });
    }
  });
});

describe('startMongo with a persistent dataDir', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDir();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('when a document is written and the server restarts on the same dataDir, then the document is still there', async () => {
    // Arrange
    const env = { ...process.env, MONGODB_URI: '' };
    const first = await startMongo({ dataDir, env, log: quiet });
    const writer = await mongoose.createConnection(`${first.uri}persist`, { autoIndex: false }).asPromise();
    await writer.collection('drafts').insertOne({ draftId: 'd-1', text: '挪车申请' });
    await writer.close();
    await first.stop();
    // Act
    const second = await startMongo({ dataDir, env, log: quiet });
    const reader = await mongoose.createConnection(`${second.uri}persist`, { autoIndex: false }).asPromise();
    const found = await reader.collection('drafts').findOne({ draftId: 'd-1' });
    await reader.close();
    await second.stop();
    // Assert
    expect(second.kind).toBe(first.kind);
    expect(found).toMatchObject({ draftId: 'd-1', text: '挪车申请' });
    expect(await exists(dataDir)).toBe(true);
  });

  test('when a second server starts on a dataDir in use, then it fails instead of sharing the files', async () => {
    // Arrange
    const env = { ...process.env, MONGODB_URI: '' };
    const running = await startMongo({ dataDir, env, log: quiet });
    try {
      // Act
      const second = startMongo({ dataDir, env, log: quiet });
      // Assert
      await expect(second).rejects.toThrow(running.kind === 'ferretdb' ? /already used by another FerretDB/ : /./);
    } finally {
      await running.stop();
    }
  });
});

describe('MONGODB_URI', () => {
  test('when MONGODB_URI is set, then it is used as is, its password is hidden, and stop is a no-op', async () => {
    // Arrange
    const uri = 'mongodb://app:s3cret@db.example.invalid:27017/suijing';
    const lines: string[] = [];
    // Act
    const mongo = await startMongo({ env: { MONGODB_URI: uri }, log: (line) => lines.push(line) });
    await mongo.stop();
    // Assert
    expect(mongo).toMatchObject({ uri, kind: 'external' });
    expect(lines).toEqual([`MongoDB: ${mongo.description}`]);
    expect(mongo.description).toContain('app:***@db.example.invalid');
    expect(mongo.description).not.toContain('s3cret');
  });
});

describe('buildOnce', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('when two callers need the same artifact at once, then it is built once and both get it whole', async () => {
    // Arrange
    const target = path.join(dir, 'cache', 'tool');
    let builds = 0;
    const build = async (tmp: string): Promise<void> => {
      builds += 1;
      await new Promise((resolve) => setTimeout(resolve, 300));
      await writeFile(tmp, 'complete');
    };
    // Act
    const outcomes = await Promise.all([
      buildOnce({ target, build, pollMs: 20 }),
      buildOnce({ target, build, pollMs: 20 }),
    ]);
    // Assert
    expect(builds).toBe(1);
    expect(outcomes.sort()).toEqual(['built', 'built-by-other']);
    expect(await readFile(target, 'utf8')).toBe('complete');
    expect(await exists(`${target}.lock`)).toBe(false);
  });

  test('when the lock owner died mid-build, then the next caller takes the lock over and builds', async () => {
    // Arrange
    const target = path.join(dir, 'tool');
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(`${target}.lock`, String(deadPid));
    // Act
    const outcome = await buildOnce({ target, build: (tmp) => writeFile(tmp, 'x'), pollMs: 20 });
    // Assert
    expect(outcome).toBe('built');
    expect(await readFile(target, 'utf8')).toBe('x');
  });

  test('when the build fails, then the error surfaces and no lock or partial file is left', async () => {
    // Arrange
    const target = path.join(dir, 'tool');
    // Act
    const attempt = buildOnce({
      target,
      build: async (tmp) => {
        await writeFile(tmp, 'half');
        throw new Error('compiler exploded');
      },
    });
    // Assert
    await expect(attempt).rejects.toThrow('compiler exploded');
    expect(await exists(target)).toBe(false);
    expect(await exists(`${target}.lock`)).toBe(false);
  });
});

describe('findGo', () => {
  test('when no Go is installed, then the error says which version to install and where to get it', async () => {
    // Arrange
    const emptyPath = await tempDir();
    // Act
    const attempt = findGo({ PATH: emptyPath }, '1.24', []);
    // Assert
    await expect(attempt).rejects.toThrow(/needs Go >= 1\.24.*found no `go`.*https:\/\/go\.dev\/dl\//);
    await rm(emptyPath, { recursive: true, force: true });
  });
});
