import Taro from '@tarojs/taro';

/**
 * WeChat subscribe messages (订阅消息): the BFF sends one per event only if the citizen accepted its template
 * in WeChat's own dialog, which a tap must open and which shows at most three templates. So each moment asks for
 * the templates of what follows it: the receipt for the case's progress, 补正 and decision; booking for the
 * booking's confirmation and cancellation.
 */
const MOMENTS = {
  case: ['CASE_PROGRESS', 'MATERIALS_REQUIRED', 'CASE_RESULT'],
  booking: ['BOOKING_CONFIRMED', 'BOOKING_CANCELLED'],
} as const;

export type NoticeMoment = keyof typeof MOMENTS;

/** The template ids by key, from the build (TARO_APP_SUBSCRIBE_TEMPLATES, a JSON object); none on H5. */
function templateIds(moment: NoticeMoment): string[] {
  if (process.env.TARO_ENV !== 'weapp') return [];
  let configured: unknown;
  try {
    configured = JSON.parse(process.env.TARO_APP_SUBSCRIBE_TEMPLATES || '{}');
  } catch {
    return [];
  }
  if (typeof configured !== 'object' || configured === null) return [];
  const ids = configured as Record<string, unknown>;
  return MOMENTS[moment].map((key) => ids[key]).filter((id): id is string => typeof id === 'string' && id !== '');
}

/** Whether this build can ask for the moment's notices (the weapp build with its templates configured). */
export function canAskForNotices(moment: NoticeMoment): boolean {
  return templateIds(moment).length > 0;
}

/**
 * Opens WeChat's dialog for the moment's templates; call it first thing in a tap handler (WeChat refuses it
 * otherwise). 'accepted' when at least one was allowed; never throws: declining changes nothing else.
 */
export async function askForNotices(moment: NoticeMoment): Promise<'accepted' | 'declined' | 'unavailable'> {
  const ids = templateIds(moment);
  if (ids.length === 0) return 'unavailable';
  try {
    const answers = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<
      string,
      string | undefined
    >;
    return ids.some((id) => answers[id] === 'accept') ? 'accepted' : 'declined';
  } catch {
    return 'declined';
  }
}
