import { downloadProgress } from './progress';

const MB = 1_048_576;

describe('download progress', () => {
  test('when output is not a terminal, then a 120 MB download in 1 MB chunks is five plain lines, one per quarter', () => {
    // Arrange
    const lines: string[] = [];
    const progress = downloadProgress('downloading mongod 8.2.6', { log: (line) => lines.push(line) });

    // Act
    for (let done = 0; done <= 120 * MB; done += MB) progress.update(done, 120 * MB);

    // Assert
    expect(lines).toEqual([
      'downloading mongod 8.2.6: 0% (0.0 of 120.0 MB)',
      'downloading mongod 8.2.6: 25% (30.0 of 120.0 MB)',
      'downloading mongod 8.2.6: 50% (60.0 of 120.0 MB)',
      'downloading mongod 8.2.6: 75% (90.0 of 120.0 MB)',
      'downloading mongod 8.2.6: 100% (120.0 of 120.0 MB)',
    ]);
    const text = lines.join('\n');
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\u001b');
  });

  test('when the size is unknown and output is not a terminal, then one line says it started', () => {
    const lines: string[] = [];
    const progress = downloadProgress('downloading mongod 8.2.6', { log: (line) => lines.push(line) });

    for (let done = 0; done <= 50 * MB; done += MB) progress.update(done, 0);

    expect(lines).toEqual(['downloading mongod 8.2.6: 0% (0.0 MB)']);
  });

  test('when output is a terminal, then one line is redrawn in place and ended once the download is complete', () => {
    // Arrange
    const written: string[] = [];
    const lines: string[] = [];
    const progress = downloadProgress('downloading mongod 8.2.6', {
      log: (line) => lines.push(line),
      terminal: { write: (text: string) => written.push(text) },
    });

    // Act
    progress.update(0, 10 * MB);
    progress.update(10 * MB, 10 * MB);

    // Assert
    expect(lines).toEqual([]);
    expect(written.every((text) => text.startsWith('\r'))).toBe(true);
    expect(written.at(-1)).toBe('\rdownloading mongod 8.2.6: 100% (10.0 of 10.0 MB)\u001b[K\n');
  });
});
