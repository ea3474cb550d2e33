import { FreshReads } from './fresh-reads';

/** A load whose answers the test releases one by one, counting how many were started. */
function controlledLoad() {
  const pending: Array<(value: string) => void> = [];
  let started = 0;
  const load = () =>
    new Promise<string>((resolve) => {
      started += 1;
      pending.push(resolve);
    });
  const settle = async (value: string) => {
    pending.shift()?.(value);
    // Lets the settled read's callbacks (and the start of a queued one) run.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return { load, settle, started: () => started };
}

describe('FreshReads', () => {
  it('when callers ask while a read is in flight, then they share one read started after it', async () => {
    // Arrange
    const reads = new FreshReads<string>();
    const { load, settle, started } = controlledLoad();
    const first = reads.read('u1', load);

    // Act
    const later = [reads.read('u1', load), reads.read('u1', load), reads.read('u1', load)];
    await settle('before');
    await settle('after');

    // Assert
    await expect(first).resolves.toBe('before');
    await expect(Promise.all(later)).resolves.toEqual(['after', 'after', 'after']);
    expect(started()).toBe(2);
  });

  it('when the running read fails, then the callers queued behind it still get a read of their own', async () => {
    // Arrange
    const reads = new FreshReads<string>();
    let calls = 0;
    const load = () => (calls++ === 0 ? Promise.reject(new Error('database away')) : Promise.resolve('fresh'));
    const first = reads.read('u1', load);

    // Act
    const later = reads.read('u1', load);

    // Assert
    await expect(first).rejects.toThrow('database away');
    await expect(later).resolves.toBe('fresh');
  });

  it('when different keys are read at once, then each gets its own read', async () => {
    // Arrange
    const reads = new FreshReads<string>();
    const { load, settle, started } = controlledLoad();

    // Act
    const one = reads.read('u1', load);
    const two = reads.read('u2', load);
    await settle('a');
    await settle('b');

    // Assert
    await expect(Promise.all([one, two])).resolves.toEqual(['a', 'b']);
    expect(started()).toBe(2);
  });

  it('when nothing is in flight, then a caller starts a new read rather than reusing a finished one', async () => {
    // Arrange
    const reads = new FreshReads<string>();
    const { load, settle, started } = controlledLoad();
    const first = reads.read('u1', load);
    await settle('old');
    await first;

    // Act
    const second = reads.read('u1', load);
    await settle('new');

    // Assert
    await expect(second).resolves.toBe('new');
    expect(started()).toBe(2);
  });
});
