import type { SandboxClock } from '../../core/clock';
import type { Prng } from '../../core/prng';
import { addDaysCompact, toCompactDate, toCompactDateTime } from '../../legacy/dates';
import type { HotTopic } from './records';
import { fillText, type HotTopicStatus, type HotTopicTables } from './tables';

export interface HotBoardDeps {
  clock: SandboxClock;
  tables: HotTopicTables;
  /** A fresh seeded stream for the listing times (reset starts it again, so the seed board is the same). */
  random(): Prng;
}

export interface TopicChange {
  zt?: HotTopicStatus;
  cljg?: string;
  rd?: number;
}

export type ChangeResult = { ok: true } | { ok: false; status: 400 | 409; problem: string };

const STATUS_NAMES: Readonly<Record<HotTopicStatus, string>> = { '1': '上榜', '2': '监测', '3': '撤榜' };

/**
 * 民声热点榜: what many citizens raise at once, listed (上榜) until the
 * department acts, monitored (监测) while the fix settles, delisted (撤榜)
 * once resolved. A topic only moves forward: a delisted topic that flares
 * up again is listed as a new one.
 */
export class HotBoard {
  private topics = new Map<string, HotTopic>();
  private updatedAt = '';
  /**
   * When the sandbox started: the seed board is listed relative to it, and
   * reset goes back to exactly that board (systems reset before the clock
   * does, so the clock at reset time would be the wrong anchor).
   */
  private readonly startedAt: Date;

  constructor(private readonly deps: HotBoardDeps) {
    this.startedAt = deps.clock.now();
    this.seed();
  }

  /** yyyyMMddHHmmss of the last change (the seeding counts as one). */
  get gxsj(): string {
    return this.updatedAt;
  }

  /** Hottest first; delisted topics last, as the board shows them. */
  list(zt?: HotTopicStatus): HotTopic[] {
    return [...this.topics.values()]
      .filter((topic) => zt === undefined || topic.zt === zt)
      .sort(
        (a, b) =>
          Number(a.zt === '3') - Number(b.zt === '3') ||
          b.rd - a.rd ||
          b.sbsj.localeCompare(a.sbsj) ||
          a.rdbh.localeCompare(b.rdbh),
      );
  }

  get(rdbh: string): HotTopic | undefined {
    return this.topics.get(rdbh);
  }

  /** Moves a topic forward and/or records its heat and resolution; nothing changes when any part is refused. */
  change(topic: HotTopic, change: TopicChange): ChangeResult {
    const zt = change.zt ?? topic.zt;
    if (zt < topic.zt || (change.zt !== undefined && change.zt === topic.zt)) {
      return {
        ok: false,
        status: 409,
        problem: `${topic.rdbh} is ${topic.zt} ${STATUS_NAMES[topic.zt]}; it can only move forward (上榜 → 监测 → 撤榜)`,
      };
    }
    if (change.zt === '3' && change.cljg === undefined) {
      return { ok: false, status: 400, problem: '撤榜 (zt "3") needs cljg: what was done about it' };
    }
    if (zt === '1' && change.cljg !== undefined) {
      return { ok: false, status: 400, problem: 'cljg belongs to 监测 or 撤榜 topics (zt "2" or "3")' };
    }
    topic.zt = zt;
    if (change.rd !== undefined) topic.rd = change.rd;
    if (change.cljg !== undefined) topic.cljg = change.cljg;
    else if (zt === '2' && topic.cljg === undefined)
      topic.cljg = fillText(this.deps.tables.monitorText, { bm: topic.bm });
    this.touch();
    return { ok: true };
  }

  /** A new topic, listed now. */
  add(fields: { bt: string; zy: string; bm: string; rd: number }): HotTopic {
    const highest = Math.max(0, ...[...this.topics.keys()].map((rdbh) => Number(rdbh.slice(2)) || 0));
    const topic: HotTopic = {
      rdbh: `RD${String(highest + 1).padStart(4, '0')}`,
      ...fields,
      zt: '1',
      sbsj: toCompactDateTime(this.deps.clock.now()),
    };
    this.topics.set(topic.rdbh, topic);
    this.touch();
    return topic;
  }

  /** Back to the seed board as it was at start. */
  reset(): void {
    this.seed();
  }

  private seed(): void {
    const random = this.deps.random();
    const today = toCompactDate(this.startedAt);
    this.topics = new Map(
      this.deps.tables.topics.map((seed): [string, HotTopic] => {
        const day = addDaysCompact(today, -seed.daysAgo) ?? today;
        // Listed in office hours, at a seeded minute: the same board for the same seed.
        const time = `${String(random.int(8, 21)).padStart(2, '0')}${random.chars('012345', 1)}${random.chars('0123456789', 1)}00`;
        const { daysAgo: _daysAgo, ...fields } = seed;
        return [seed.rdbh, { ...fields, sbsj: `${day}${time}` }];
      }),
    );
    this.updatedAt = toCompactDateTime(this.startedAt);
  }

  private touch(): void {
    this.updatedAt = toCompactDateTime(this.deps.clock.now());
  }
}
