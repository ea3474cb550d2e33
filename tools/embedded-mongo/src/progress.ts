export interface DownloadProgress {
  /** Bytes received so far of `totalBytes` (0 when the server did not say). */
  update(doneBytes: number, totalBytes: number): void;
}

export interface ProgressOutput {
  /** Where finished lines go (the starter's log). */
  log: (line: string) => void;
  /** A terminal to redraw one line on; undefined when output goes to a file or a pipe. */
  terminal?: { write(text: string): unknown } | undefined;
}

const QUARTERS = [0, 25, 50, 75, 100];

/**
 * Progress of a long download. On a terminal one line is redrawn in place; in
 * a log file or a pipe it is a line at the start and at each quarter, never a
 * carriage return, so a 120 MB download is five readable lines, not hundreds.
 */
export function downloadProgress(label: string, output: ProgressOutput): DownloadProgress {
  let nextQuarter = 0;
  let lastDrawnAt = 0;
  return {
    update(doneBytes, totalBytes) {
      const percent = totalBytes > 0 ? Math.min(100, Math.floor((100 * doneBytes) / totalBytes)) : 0;
      const amount =
        totalBytes > 0 ? `${megabytes(doneBytes)} of ${megabytes(totalBytes)} MB` : `${megabytes(doneBytes)} MB`;
      const line = `${label}: ${percent}% (${amount})`;
      if (output.terminal) {
        const done = totalBytes > 0 && doneBytes >= totalBytes;
        const now = Date.now();
        if (!done && now - lastDrawnAt < 200) return;
        lastDrawnAt = now;
        // Clear to the end of the line: a shorter line must not leave the last one's tail.
        output.terminal.write(`\r${line}\u001b[K${done ? '\n' : ''}`);
        return;
      }
      const quarter = QUARTERS[nextQuarter];
      if (quarter === undefined || percent < quarter) return;
      while ((QUARTERS[nextQuarter] ?? Infinity) <= percent) nextQuarter += 1;
      output.log(line);
    },
  };
}

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}
