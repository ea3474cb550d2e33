import type { Clock } from './clock';

/**
 * A value loaded from a slow or fragile source and kept for `ttlMs` per
 * instance (reference data such as the list of halls). One load at a time;
 * when a reload fails, the last good value is served (it changes rarely),
 * and only an instance that never loaded it reports the failure.
 */
export class Refreshing<T> {
  private value: { data: T; loadedAt: number } | undefined;
  private loading: Promise<T> | undefined;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<T> {
    const now = this.clock.now().getTime();
    if (this.value && now - this.value.loadedAt < this.ttlMs) return this.value.data;
    try {
      return await this.reload();
    } catch (error) {
      if (this.value) return this.value.data;
      throw error;
    }
  }

  private reload(): Promise<T> {
    this.loading ??= this.load()
      .then((data) => {
        this.value = { data, loadedAt: this.clock.now().getTime() };
        return data;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
