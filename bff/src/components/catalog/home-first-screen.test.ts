import type { ItemSummary } from '@suijing/shared';
import { hotItemsHtml } from './home-first-screen';

function item(code: string, overrides: Partial<ItemSummary> = {}): ItemSummary {
  return {
    code,
    name: `事项${code}`,
    promisedDays: 0,
    visits: 0,
    onlineDepth: '全程网办',
    ...overrides,
  } as ItemSummary;
}

describe('home first screen: 热门事项 as 首页 draws them', () => {
  it('when there are more hot items than 首页 shows, then the first six are drawn, the top three marked', () => {
    const items = ['1', '2', '3', '4', '5', '6', '7'].map((code) => item(code));

    const html = hotItemsHtml(items);

    expect(html.match(/class="home-hot__item"/g)).toHaveLength(6);
    expect(html.match(/home-hot__rank--top/g)).toHaveLength(3);
    expect(html).toContain('<span class="home-hot__rank">4</span>');
    expect(html).not.toContain('事项7');
  });

  it('when an item has a time limit and visits, then its note reads as the mini-program words it', () => {
    const html = hotItemsHtml([item('1', { promisedDays: 10, visits: 1, onlineDepth: '部分网办' })]);

    expect(html).toContain('<span class="home-hot__note">承诺 10 个工作日 · 到现场 1 次 · 部分网办</span>');
  });

  it('when a name holds markup, then it is drawn as text', () => {
    const html = hotItemsHtml([item('1', { name: '<b>x</b>' })]);

    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });
});
