import type { Connection } from 'mongoose';

/** What the driver says about itself rather than about our data: never a round trip of a route. */
const HOUSEKEEPING = new Set([
  'hello',
  'ismaster',
  'ping',
  'buildinfo',
  'endsessions',
  'saslstart',
  'saslcontinue',
  'killcursors',
]);

export interface CountedCommand {
  name: string;
  /** The collection a CRUD command names ("sessions"), else ''. */
  collection: string;
}

/**
 * A MongoDB URI whose client reports every command it sends (the driver's
 * command monitoring); the driver fixes this per connection when it opens it.
 */
export function monitoredUri(uri: string): string {
  const url = new URL(uri);
  url.searchParams.set('monitorCommands', 'true');
  return url.toString();
}

/**
 * Counts the commands a connection's client sends while `work` runs, and
 * until no further command has started for `settleMs` after it (writes a
 * request leaves behind after its answer count too). The connection must
 * have been opened with monitoredUri().
 */
export async function commandsDuring(
  connection: Connection,
  work: () => Promise<unknown>,
  settleMs = 150,
): Promise<CountedCommand[]> {
  const client = connection.getClient();
  if (!client.options.monitorCommands) throw new Error('the connection was not opened with monitorCommands');
  const seen: CountedCommand[] = [];
  let lastAt = Date.now();
  const listener = (event: { commandName: string; command: Record<string, unknown> }) => {
    const name = event.commandName;
    if (HOUSEKEEPING.has(name.toLowerCase())) return;
    const target = event.command[name];
    seen.push({ name, collection: typeof target === 'string' ? target : '' });
    lastAt = Date.now();
  };
  client.on('commandStarted', listener);
  try {
    await work();
    lastAt = Date.now();
    while (Date.now() - lastAt < settleMs) await new Promise((resolve) => setTimeout(resolve, settleMs / 3));
  } finally {
    client.off('commandStarted', listener);
  }
  return seen;
}

/** "findAndModify sessions, insert refresh_rotations": what a route sent, for a failing budget's message. */
export function describeCommands(commands: readonly CountedCommand[]): string {
  return commands.map((c) => `${c.name} ${c.collection}`.trim()).join(', ');
}
