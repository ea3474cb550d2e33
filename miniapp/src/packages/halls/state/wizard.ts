import Taro from '@tarojs/taro';
import { ROUTES } from '@/utils/navigation';
import { readString, removeKey, writeString } from '@/utils/storage';
import { bookUrl } from '../utils/routes';

/**
 * 预约办事 as a wizard whose every step is a page of its own (a history
 * entry): its choices are in the page's URL, so a reload (H5) shows the same
 * step with the same choices, and back (the browser's, WeChat's, Android's)
 * goes to the step before. What is chosen inside the time step before
 * 下一步 (the day and slot) is kept in storage, for a reload there too.
 */

export const BOOK_STEP_KEYS = ['business', 'hall', 'time', 'confirm'] as const;
export type BookStepKey = (typeof BOOK_STEP_KEYS)[number];

export interface Wizard {
  business?: string;
  hallId?: string;
  /** yyyy-MM-dd */
  date?: string;
  slot?: string;
  step?: BookStepKey;
  /** 为家人预约: the family member the visit is for, kept through every step. */
  memberId?: string;
}

const isStep = (value: string | undefined): value is BookStepKey => BOOK_STEP_KEYS.some((step) => step === value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The wizard as the page's parameters give it (unknown or malformed values dropped). */
export function wizardOf(params: Partial<Record<string, string>>): Wizard {
  const text = (key: string): string | undefined => {
    const value = params[key];
    return value ? value : undefined;
  };
  const date = text('date');
  const step = text('step');
  return {
    ...(text('business') ? { business: text('business') } : {}),
    ...(text('hallId') ? { hallId: text('hallId') } : {}),
    ...(date && DAY.test(date) ? { date } : {}),
    ...(text('slot') ? { slot: text('slot') } : {}),
    ...(isStep(step) ? { step } : {}),
    ...(text('memberId') ? { memberId: text('memberId') } : {}),
  };
}

/** The step a wizard page shows: the one named, else the first not yet given. */
export function stepOf(wizard: Wizard): BookStepKey {
  if (wizard.step) return wizard.step;
  if (!wizard.business) return 'business';
  return wizard.hallId ? 'time' : 'hall';
}

/** What a step keeps of the choices: only those made before it. */
export function wizardAt(wizard: Wizard, step: BookStepKey): Wizard {
  const { business, hallId, date, memberId } = wizard;
  const member = memberId ? { memberId } : {};
  switch (step) {
    case 'business':
      return { ...(hallId ? { hallId } : {}), ...(business ? { business } : {}), step, ...member };
    case 'hall':
      return { ...(business ? { business } : {}), step, ...member };
    case 'time':
      return {
        ...(business ? { business } : {}),
        ...(hallId ? { hallId } : {}),
        ...(date ? { date } : {}),
        step,
        ...member,
      };
    case 'confirm':
      return { ...wizard, step };
  }
}

interface StackPage {
  route?: string;
  path?: string;
  options?: Record<string, string | undefined>;
}

/** A page's query: weapp pages carry it as `options`, Taro's H5 pages in their `path`. */
function paramsOfPage(page: StackPage): Partial<Record<string, string>> {
  const out: Record<string, string> = Object.fromEntries(new URLSearchParams(page.path?.split('?')[1] ?? ''));
  for (const [key, value] of Object.entries(page.options ?? {})) {
    if (!value) continue;
    try {
      out[key] = decodeURIComponent(value);
    } catch {
      out[key] = value;
    }
  }
  return out;
}

const isBookPage = (page: StackPage): boolean =>
  `/${(page.route ?? '').replace(/^\//, '').split('?')[0] ?? ''}` === ROUTES.hallBook;

/** Next step: a new page, so back returns here. */
export function goForward(next: Wizard): void {
  void Taro.navigateTo({ url: bookUrl(next) });
}

/**
 * Back to an earlier step: the page right below when it is that step (its
 * state intact), else that step in place of this page (the wizard was entered
 * further on, or reloaded, or the step is further back: Taro's H5 router
 * tells pages apart by path, and every step has the same one, so it can only
 * be trusted to go back one).
 */
export function goBackTo(target: Wizard): void {
  const pages = Taro.getCurrentPages() as StackPage[];
  const below = pages[pages.length - 2];
  if (below && isBookPage(below) && stepOf(wizardOf(paramsOfPage(below))) === stepOf(target)) {
    void Taro.navigateBack({ delta: 1 });
    return;
  }
  void Taro.redirectTo({ url: bookUrl(target) });
}

/**
 * Leaves the wizard for `url` (the booking made): the wizard's pages are
 * taken off the stack first, so back from the booking goes to where
 * 预约 was started, not into a finished wizard.
 */
export function leaveWizardTo(url: string): void {
  const pages = Taro.getCurrentPages() as StackPage[];
  let wizardPages = 0;
  for (let i = pages.length - 1; i >= 0 && isBookPage(pages[i] ?? {}); i -= 1) wizardPages += 1;
  if (wizardPages > 1 && wizardPages < pages.length) {
    void Taro.navigateBack({ delta: wizardPages }).then(() => Taro.navigateTo({ url }));
    return;
  }
  void Taro.redirectTo({ url });
}

/** The day and slot chosen at the time step (not yet in a URL), and a message for it to show. */
export interface TimeDraft {
  hallId: string;
  business: string;
  date?: string;
  slot?: string;
  /** Set by the confirm step when the slot was taken meanwhile: the time step shows it and reloads. */
  notice?: string;
}

const DRAFT_KEY = 'suijing.bookingDraft';

export function readDraft(hallId: string, business: string): TimeDraft | null {
  const raw = readString(DRAFT_KEY);
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Partial<TimeDraft>;
    if (draft.hallId !== hallId || draft.business !== business) return null;
    return {
      hallId,
      business,
      ...(typeof draft.date === 'string' && DAY.test(draft.date) ? { date: draft.date } : {}),
      ...(typeof draft.slot === 'string' ? { slot: draft.slot } : {}),
      ...(typeof draft.notice === 'string' ? { notice: draft.notice } : {}),
    };
  } catch {
    return null;
  }
}

export function writeDraft(draft: TimeDraft): void {
  writeString(DRAFT_KEY, JSON.stringify(draft));
}

export function clearDraft(): void {
  removeKey(DRAFT_KEY);
}
