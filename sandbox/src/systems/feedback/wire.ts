import type { HotTopic } from './records';

/** A hot topic as the board serves it: every value a string, like the rest of the legacy dialect. */
export interface HotTopicOnWire extends Omit<HotTopic, 'rd'> {
  rd: string;
}

export function hotTopicOnWire(topic: HotTopic): HotTopicOnWire {
  return { ...topic, rd: String(topic.rd) };
}
