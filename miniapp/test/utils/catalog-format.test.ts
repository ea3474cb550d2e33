import { crossRegionText, itemBadges, promisedText, staleNoticeText, visitsText } from '@/utils/catalog-format';
import { FRESH, itemSummary } from '../fixtures/catalog';

describe('catalog freshness notice', () => {
  it('when the answer is current, then no notice is shown', () => {
    expect(staleNoticeText(FRESH)).toBeNull();
    expect(staleNoticeText(undefined)).toBeNull();
  });

  it('when the copy is 5 minutes old, then it says the system is unreachable and how old the information is', () => {
    expect(staleNoticeText({ ...FRESH, stale: true, ageSeconds: 5 * 60 + 20 })).toBe(
      '办事系统暂时无法连接，以下信息更新于 5 分钟前',
    );
  });

  it('when the copy is hours old, then it counts hours', () => {
    expect(staleNoticeText({ ...FRESH, stale: true, ageSeconds: 3 * 3600 + 59 })).toBe(
      '办事系统暂时无法连接，以下信息更新于 3 小时前',
    );
  });

  it('when the copy is days old, then it shows the date it was synced', () => {
    const text = staleNoticeText({ ...FRESH, stale: true, ageSeconds: 3 * 86_400 });

    expect(text).toMatch(/^办事系统暂时无法连接，以下信息更新于 2026年11月28日 \d{2}:\d{2}$/);
  });

  it('when it is less than a minute old, then it does not say "0 分钟前"', () => {
    expect(staleNoticeText({ ...FRESH, stale: true, ageSeconds: 12 })).toBe(
      '办事系统暂时无法连接，以下信息更新于 不到 1 分钟前',
    );
  });
});

describe('item facts in words', () => {
  it('when an item is settled on the spot with no visit and no fee, then the badges say 即办, 零跑动, 免费', () => {
    // Arrange
    const item = itemSummary({ promisedDays: 0, visits: 0, charged: false, onlineDepth: '全程网办' });

    // Act
    const texts = itemBadges(item).map((b) => b.text);

    // Assert
    expect(texts).toEqual(['即办', '零跑动', '免费', '全程网办']);
  });

  it('when an item takes days and a visit, then the badges count them', () => {
    expect(promisedText(20)).toBe('承诺 20 个工作日');
    expect(visitsText(1)).toBe('到现场 1 次');
  });

  it('when an item is handled locally only, then there is no 跨域通办 badge', () => {
    expect(crossRegionText({ scope: 'none', description: '' })).toBeNull();
    expect(crossRegionText({ scope: 'bay-area', description: '' })).toBe('跨域通办 · 湾区通办');
  });
});
