import { PeriodicJob } from './periodic-job';

describe('PeriodicJob', () => {
  it('when a round is still running, then another asked meanwhile is skipped, not doubled', async () => {
    // Arrange
    let rounds = 0;
    let finish: () => void = () => undefined;
    const job = new PeriodicJob(async () => {
      rounds += 1;
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
    });

    // Act
    const first = job.runOnce();
    await job.runOnce();
    finish();
    await first;
    const third = job.runOnce();
    finish();
    await third;

    // Assert
    expect(rounds).toBe(2);
  });

  it('when a round fails, then the next one still runs', async () => {
    // Arrange
    let calls = 0;
    const job = new PeriodicJob(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database away');
    });

    // Act
    const failed = await job.runOnce().then(
      () => 'ran',
      () => 'failed',
    );
    await job.runOnce();

    // Assert
    expect(failed).toBe('failed');
    expect(calls).toBe(2);
  });

  it('when started twice, then it runs once per interval, and not after it is stopped', async () => {
    // Arrange
    jest.useFakeTimers();
    let rounds = 0;
    const job = new PeriodicJob(async () => {
      rounds += 1;
    });

    // Act
    job.start(1000);
    job.start(1000);
    await jest.advanceTimersByTimeAsync(3000);
    job.stop();
    await jest.advanceTimersByTimeAsync(3000);
    jest.useRealTimers();

    // Assert
    expect(rounds).toBe(3);
  });
});
