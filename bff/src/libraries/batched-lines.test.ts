import { BatchedLines, type LineSink } from './batched-lines';

function recordingSink() {
  const chunks: string[] = [];
  let syncFlushes = 0;
  const sink: LineSink = {
    write: (chunk) => chunks.push(chunk),
    flushSync: () => {
      syncFlushes += 1;
    },
  };
  return { sink, chunks, syncFlushes: () => syncFlushes };
}

describe('BatchedLines', () => {
  afterEach(() => jest.useRealTimers());

  it('when lines come faster than a batch fills, then the sink gets them joined, in order, once full', () => {
    // Arrange
    const { sink, chunks } = recordingSink();
    const lines = new BatchedLines(sink, { bytes: 20, ms: 1_000 });

    // Act
    lines.write('{"a":1}\n');
    lines.write('{"b":2}\n');
    const beforeFull = [...chunks];
    lines.write('{"c":3}\n');

    // Assert
    expect(beforeFull).toEqual([]);
    expect(chunks).toEqual(['{"a":1}\n{"b":2}\n{"c":3}\n']);
  });

  it('when a server is quiet, then its lines reach the sink after the batch time', () => {
    // Arrange
    jest.useFakeTimers();
    const { sink, chunks } = recordingSink();
    const lines = new BatchedLines(sink, { bytes: 16_384, ms: 200 });

    // Act
    lines.write('{"msg":"request"}\n');
    jest.advanceTimersByTime(199);
    const early = [...chunks];
    jest.advanceTimersByTime(1);

    // Assert
    expect(early).toEqual([]);
    expect(chunks).toEqual(['{"msg":"request"}\n']);
  });

  it('when the process exits, then the lines not yet written are written and the sink flushed', () => {
    // Arrange
    const { sink, chunks, syncFlushes } = recordingSink();
    const lines = new BatchedLines(sink, { bytes: 16_384, ms: 60_000 });
    lines.write('{"msg":"shutting down"}\n');

    // Act
    lines.flushSync();

    // Assert
    expect(chunks).toEqual(['{"msg":"shutting down"}\n']);
    expect(syncFlushes()).toBe(1);
  });
});
