import { fireEvent, render, waitFor } from '@testing-library/react';
import HotTopicsPage from '@/packages/feedback/pages/hot-topics';
import { heatText } from '@/packages/feedback/utils/format';
import { listHotTopics } from '@/services/feedback';
import { setAnonymous } from '@/stores/auth-store';
import { hotTopic } from '../fixtures/feedback';
import { byId } from '../support/dom';

jest.mock('@/services/feedback', () => ({ listHotTopics: jest.fn() }));
const topicsMock = jest.mocked(listHotTopics);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());
const UPDATED = '2026-11-28T00:00:00.000Z';

beforeEach(() => {
  // Public: no login needed.
  setAnonymous();
});

describe('民声热点榜', () => {
  it('when opened logged out, then 全部 loads and the topics are ranked with heat, department, status and resolution', async () => {
    // Arrange
    topicsMock.mockResolvedValue({
      items: [
        hotTopic(),
        hotTopic({
          id: 'ht2',
          title: '车管所停车难',
          status: 'monitored',
          statusText: '监测',
          heat: 96,
          resolution: '已增设临时停车位 120 个',
        }),
      ],
      updatedAt: UPDATED,
    });

    // Act
    render(<HotTopicsPage />);

    // Assert
    await shown('hot-topics-list');
    expect(topicsMock).toHaveBeenCalledWith('all');
    expect(byId('hot-topics-tab-all').getAttribute('aria-selected')).toBe('true');
    expect(text('hot-topic-ht1-rank')).toBe('1');
    expect(text('hot-topic-ht2-rank')).toBe('2');
    expect(text('hot-topic-ht1-heat')).toBe('1,288 人关注');
    expect(text('hot-topic-ht1')).toContain('广州市公安局出入境管理支队');
    expect(text('hot-topic-ht1-status')).toBe('上榜');
    expect(document.getElementById('hot-topic-ht1-resolution')).toBeNull();
    expect(text('hot-topic-ht2-resolution')).toContain('已增设临时停车位 120 个');
  });

  it('when a tab is chosen, then its status is queried and the tab is selected', async () => {
    // Arrange
    topicsMock.mockResolvedValue({ items: [], updatedAt: UPDATED });
    render(<HotTopicsPage />);
    await shown('hot-topics-empty');

    // Act
    fireEvent.click(byId('hot-topics-tab-delisted'));

    // Assert
    await waitFor(() => expect(topicsMock).toHaveBeenLastCalledWith('delisted'));
    expect(byId('hot-topics-tab-delisted').getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(text('hot-topics-empty')).toContain('暂无撤榜问题'));

    // Act
    fireEvent.click(byId('hot-topics-tab-listed'));
    fireEvent.click(byId('hot-topics-tab-monitored'));

    // Assert
    await waitFor(() =>
      expect(topicsMock.mock.calls.map(([status]) => status)).toEqual(['all', 'delisted', 'listed', 'monitored']),
    );
  });

  it('when the board cannot be read, then 重试 loads it again', async () => {
    // Arrange
    topicsMock
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue({ items: [hotTopic()], updatedAt: UPDATED });
    render(<HotTopicsPage />);
    await shown('hot-topics-error-retry');

    // Act
    fireEvent.click(byId('hot-topics-error-retry'));

    // Assert
    await shown('hot-topics-list');
  });

  it('when the heat is large, then it is grouped by thousands', () => {
    expect(heatText(1234567)).toBe('1,234,567 人关注');
    expect(heatText(12)).toBe('12 人关注');
  });
});
