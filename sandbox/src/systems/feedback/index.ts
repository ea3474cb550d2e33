import type { SystemFactory } from '../../core/system';
import { LEGACY_ERRORS, legacyFail } from '../../legacy/envelope';
import { DemoMode } from '../approval/demo-mode';
import { approvalItems } from '../approval/items';
import { workCalendar } from '../approval/work-calendar';
import { feedbackControlRoutes } from './control.routes';
import { FinishedCases } from './finished-cases';
import { HotBoard } from './hot-board';
import { RatingBook } from './rating-book';
import { RequestDesk } from './request-desk';
import { feedbackRoutes } from './routes';
import { feedbackTables } from './tables';

/**
 * The feedback system: 好差评 of finished cases (it hears of them through
 * the approval system's caseDecided), the 12345 loop of complaints and
 * suggestions (接 答 派 办 评, driven by a staff console or demo mode), and
 * the 民声热点榜. Legacy envelope with X-App-Key, like the other
 * government back ends behind the data-exchange platform.
 */
export const createFeedbackSystem: SystemFactory = (kit) => {
  const tables = feedbackTables();
  const finished = new FinishedCases(kit.events);
  const ratings = new RatingBook({
    clock: kit.clock,
    calendar: workCalendar(),
    tables: tables.ratings,
    finished,
    departmentOf: (sxbm) => approvalItems().get(sxbm)?.ssjg,
  });
  const requests = new RequestDesk({ clock: kit.clock, tables: tables.requests, levels: tables.ratings.levels });
  const board = new HotBoard({
    clock: kit.clock,
    tables: tables.hotTopics,
    random: () => kit.random('feedback:hot-board'),
  });
  const demo = new DemoMode(() => {
    requests.advanceAll();
    ratings.advanceFollowUps();
  });

  return {
    name: 'feedback',
    prefixes: ['/feedback'],
    routes: feedbackRoutes({
      appKey: kit.options.gov.appKey,
      ratings,
      requests,
      board,
      requestTables: tables.requests,
    }),
    controlRoutes: feedbackControlRoutes({ ratings, requests, board, ratingTables: tables.ratings, demo }),
    failure: () => ({ status: 500, body: legacyFail(LEGACY_ERRORS.SYSTEM_BUSY) }),
    badRequest: () => ({ status: 200, body: legacyFail(LEGACY_ERRORS.BAD_MESSAGE) }),
    reset: () => {
      demo.stop();
      finished.reset();
      ratings.reset();
      requests.reset();
      board.reset();
    },
    close: () => {
      demo.stop();
      finished.close();
    },
  };
};
