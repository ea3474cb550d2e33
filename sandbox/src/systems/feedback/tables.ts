import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * sandbox/data/feedback: the words and seed of the feedback system (rating
 * levels, 12345 categories and texts, the seeded 民声热点榜). Three levels
 * below the package root as source and as dist, like the traffic tables.
 */
export const FEEDBACK_DATA_DIR = path.resolve(__dirname, '..', '..', '..', 'data', 'feedback');

export type FollowUpStepName = '核实' | '整改' | '回访';
/** 跟进状态: 1 待核实, 2 整改中, 3 已办结. */
export type FollowUpStatus = '1' | '2' | '3';

export interface RatingTables {
  levels: Record<string, string>;
  badReviewMaxLevel: number;
  badReviewMinText: number;
  aspects: Record<string, string>;
  followUp: {
    workingDays: number;
    /** In the order they must be taken, with the status each leaves behind. */
    steps: { hj: FollowUpStepName; zt: FollowUpStatus; demoNr: string }[];
    defaultBm: string;
  };
}

export interface RequestCategory {
  lb: string;
  mc: string;
  /** The police department the 12345 staff dispatch this category to unless told otherwise. */
  bm: string;
}

export interface RequestTables {
  hotline: string;
  citizen: string;
  categories: RequestCategory[];
  kinds: Record<string, string>;
  stages: Record<string, string>;
  texts: { receive: string; answer: string; dispatch: string; handle: string; rate: string };
}

/** 热点状态: 1 上榜, 2 监测, 3 撤榜. */
export type HotTopicStatus = '1' | '2' | '3';

export function isHotTopicStatus(value: unknown): value is HotTopicStatus {
  return value === '1' || value === '2' || value === '3';
}

export interface SeedHotTopic {
  rdbh: string;
  bt: string;
  zy: string;
  zt: HotTopicStatus;
  rd: number;
  bm: string;
  /** Listed this many days before the sandbox starts, so the board always looks current. */
  daysAgo: number;
  cljg?: string;
}

export interface HotTopicTables {
  /** What a topic moved to 监测 without a resolution says; {bm} is its department. */
  monitorText: string;
  topics: SeedHotTopic[];
}

export interface FeedbackTables {
  ratings: RatingTables;
  requests: RequestTables;
  hotTopics: HotTopicTables;
}

let cached: FeedbackTables | undefined;

/** The tables, read once per process (nothing writes to them; systems copy what they change). */
export function feedbackTables(): FeedbackTables {
  cached ??= readFeedbackTables();
  return cached;
}

export function readFeedbackTables(dir: string = FEEDBACK_DATA_DIR): FeedbackTables {
  const read = <T>(name: string): T => {
    const parsed: unknown = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) throw new Error(`feedback: ${name} is not a JSON object`);
    // Shape asserted, not parsed: feedback-data.test.ts checks every table.
    return parsed as T;
  };
  return {
    ratings: read<RatingTables>('ratings.json'),
    requests: read<RequestTables>('requests.json'),
    hotTopics: read<HotTopicTables>('hot-topics.json'),
  };
}

/** "已转派{bm}办理" with {bm} filled in. */
export function fillText(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
