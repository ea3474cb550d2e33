import type { HotTopicList } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { TtlCache } from '../../libraries/ttl-cache';
import type { FeedbackClient } from '../../upstreams/feedback/feedback.client';
import { toHotTopic } from './feedback-view';

/** The board moves by the day; a minute per instance spares the platform the page views. */
const HOT_TOPICS_TTL_MS = 60_000;
const STATUS_CODES = { listed: '1', monitored: '2', delisted: '3' } as const;

/** 民声热点榜: public, hottest first, resolved ones last. */
export class HotTopicsService {
  private readonly cache = new TtlCache<HotTopicList>(HOT_TOPICS_TTL_MS, 8);

  constructor(private readonly deps: { feedback: FeedbackClient; clock: Clock }) {}

  async list(status: keyof typeof STATUS_CODES | 'all'): Promise<HotTopicList> {
    const now = this.deps.clock.now().getTime();
    const cached = this.cache.get(status, now);
    if (cached) return cached;
    const page = await this.deps.feedback.hotTopics(status === 'all' ? undefined : STATUS_CODES[status]);
    const answer: HotTopicList = {
      items: page.list.map(toHotTopic),
      updatedAt: new Date(now).toISOString(),
    };
    this.cache.set(status, answer, now);
    return answer;
  }
}
