import { latestAfterPause, type Settled } from '@/packages/catalog/pages/search/latest-after-pause';
import {
  familyLabel,
  highlightParts,
  hitKey,
  understoodText,
  variantsToggleText,
} from '@/packages/catalog/pages/search/search-format';
import { searchView } from '@/packages/catalog/pages/search/useSearchQuery';
import { itemSummary } from '../fixtures/catalog';
import { itemHit, packageHit, packageSummary } from '../fixtures/search';

/** A promise the test settles by hand, to hold an answer in flight. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('latestAfterPause', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('when inputs come faster than the pause, then only the last one runs', () => {
    // Arrange
    const run = jest.fn((q: string) => Promise.resolve(q));
    const feed = latestAfterPause(run, 150, { onSettled: () => undefined });

    // Act
    feed.push('护');
    jest.advanceTimersByTime(100);
    feed.push('护照');
    jest.advanceTimersByTime(149);
    const before = run.mock.calls.length;
    jest.advanceTimersByTime(1);

    // Assert
    expect(before).toBe(0);
    expect(run.mock.calls).toEqual([['护照']]);
  });

  it('when an older answer arrives after a newer one was asked for, then it is dropped', async () => {
    // Arrange
    const answers = new Map([
      ['护', deferred<string>()],
      ['护照', deferred<string>()],
    ]);
    const settled: Array<[string, Settled<string>]> = [];
    const feed = latestAfterPause((q: string) => answers.get(q)?.promise ?? Promise.reject(new Error(q)), 150, {
      onSettled: (q, outcome) => settled.push([q, outcome]),
    });
    feed.push('护');
    jest.advanceTimersByTime(150);
    feed.push('护照');
    jest.advanceTimersByTime(150);

    // Act: the answers arrive out of order
    answers.get('护照')?.resolve('new');
    answers.get('护')?.resolve('old');
    await Promise.resolve();
    await Promise.resolve();

    // Assert
    expect(settled).toEqual([['护照', { ok: true, value: 'new' }]]);
  });

  it('when cancelled with a run in flight, then neither its answer nor its failure is delivered', async () => {
    // Arrange
    const answer = deferred<string>();
    const onSettled = jest.fn();
    const onStart = jest.fn();
    const feed = latestAfterPause(() => answer.promise, 150, { onStart, onSettled });
    feed.push('护照');
    jest.advanceTimersByTime(150);

    // Act
    feed.cancel();
    answer.reject(new Error('offline'));
    await Promise.resolve();

    // Assert
    expect(onStart).toHaveBeenCalledWith('护照');
    expect(onSettled).not.toHaveBeenCalled();
  });

  it('when the latest run fails, then its failure is delivered for the page to say so', async () => {
    // Arrange
    const error = new Error('offline');
    const onSettled = jest.fn();
    const feed = latestAfterPause(() => Promise.reject(error), 150, { onSettled });

    // Act
    feed.push('护照');
    jest.advanceTimersByTime(150);
    await Promise.resolve();
    await Promise.resolve();

    // Assert
    expect(onSettled).toHaveBeenCalledWith('护照', { ok: false, error });
  });
});

describe('search display', () => {
  it('when a family has several situations, then it reads "name · N 种情形" and the toggle counts the other matches', () => {
    // Arrange
    const best = itemSummary({ family: '普通护照', name: '普通护照首次申领' });
    const hit = itemHit(best, { situationCount: 3, matched: [itemSummary(), itemSummary()] });
    if (hit.kind !== 'item' || !hit.family) throw new Error('fixture');

    // Act
    const label = familyLabel(hit.family);
    const closed = variantsToggleText(hit.family, false);
    const open = variantsToggleText(hit.family, true);

    // Assert
    expect(label).toBe('普通护照 · 3 种情形');
    expect(closed).toBe('另有 2 种情形相符，展开查看');
    expect(open).toBe('收起其他情形');
  });

  it('when an item and a package share a code, then their keys still differ', () => {
    // Arrange
    const item = itemHit(itemSummary({ code: 'X1' }));
    const pkg = packageHit(packageSummary({ code: 'X1' }));

    // Act / Assert
    expect(hitKey(item)).not.toBe(hitKey(pkg));
  });

  it('when the search dropped words, then it says which it kept; when it kept them all, then nothing', () => {
    // Act
    const dropped = understoodText('我要给宝宝上户口', ['宝宝', '户口']);
    const same = understoodText('普通 护照', ['普通', '护照']);
    const none = understoodText('办', []);

    // Assert
    expect(dropped).toBe('已按“宝宝”“户口”为您查找');
    expect(same).toBeNull();
    expect(none).toBeNull();
  });

  it('when a suggestion shares characters with the typed text, then those characters form the marked runs', () => {
    // Act
    const parts = highlightParts('新生儿入户登记', '宝宝上户口登');

    // Assert
    expect(parts).toEqual([
      { text: '新生儿入', match: false },
      { text: '户登', match: true },
      { text: '记', match: false },
    ]);
  });

  it('when latin letters are typed in another case, then they still match', () => {
    // Act
    const parts = highlightParts('Visa 签证', 'VIS');

    // Assert
    expect(parts[0]).toEqual({ text: 'Vis', match: true });
  });

  it('when the box is empty, edited after a search, or holds the searched text, then the view is idle, suggest, results', () => {
    // Act / Assert
    expect(searchView('  ', '护照')).toBe('idle');
    expect(searchView('护照办', '护照')).toBe('suggest');
    expect(searchView(' 护照 ', '护照')).toBe('results');
  });
});
