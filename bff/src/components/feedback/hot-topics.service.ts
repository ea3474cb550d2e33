import type { HotTopic, HotTopicList } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { Refreshing } from '../../libraries/refreshing';
import type { FeedbackClient } from '../../upstreams/feedback/feedback.client';

/** The board moves by the day; a minute per instance spares the platform the page views. */
const HOT_TOPICS_TTL_MS = 60_000;
type BoardFilter = HotTopic['status'] | 'all';

/**
 * 民声热点榜: public, hottest first, resolved ones last. When the platform is
 * down the board last seen is shown, with the time it was loaded.
 */
export class HotTopicsService {
  private readonly boards = new Map<BoardFilter, Refreshing<HotTopicList>>();

  constructor(private readonly deps: { feedback: FeedbackClient; clock: Clock }) {}

  list(status: BoardFilter): Promise<HotTopicList> {
    let board = this.boards.get(status);
    if (!board) {
      board = new Refreshing(() => this.load(status), HOT_TOPICS_TTL_MS, this.deps.clock);
      this.boards.set(status, board);
    }
    return board.get();
  }

  private async load(status: BoardFilter): Promise<HotTopicList> {
    const items = await this.deps.feedback.hotTopics(status === 'all' ? undefined : status);
    return { items, updatedAt: this.deps.clock.now().toISOString() };
  }
}
