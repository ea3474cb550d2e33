import { View, Text } from '@tarojs/components';
import type { Rating } from '@suijing/shared';
import { formatDay } from '@/utils/case-format';
import { formatDateTime } from '@/utils/format';
import { Stars } from '../../components/Stars';
import { StepList, type StepEntry } from '../../components/StepList';
import { FOLLOW_UP_TONE, levelText, RATING_ASPECTS } from '../../utils/format';

type FollowUp = NonNullable<Rating['followUp']>;

/** 核实, 整改, 回访 always in this order, whether or not they happened yet. */
const FOLLOW_UP_STEPS = [
  { step: 'verify', text: '核实' },
  { step: 'rectify', text: '整改' },
  { step: 'revisit', text: '回访' },
] as const;

/**
 * The three follow-up steps: the ones the department recorded (with time,
 * department and note), then the first missing one as current unless the
 * follow-up is done, the rest pending.
 */
export function followUpEntries(followUp: FollowUp): StepEntry[] {
  let currentGiven = followUp.status === 'done';
  return FOLLOW_UP_STEPS.map(({ step, text }) => {
    const recorded = followUp.steps.find((s) => s.step === step);
    if (recorded) {
      return {
        key: step,
        title: recorded.stepText || text,
        meta: `${formatDateTime(recorded.at)} · ${recorded.department}`,
        note: recorded.note,
        state: 'done',
      };
    }
    const state = currentGiven ? 'pending' : 'current';
    currentGiven = true;
    return { key: step, title: `${text}（${state === 'current' ? '进行中' : '待进行'}）`, state };
  });
}

export function FollowUpCard({ followUp }: { followUp: FollowUp }): JSX.Element {
  return (
    <View className="sj-card rate-card" id="rate-followup">
      <View className="rate-card__head">
        <Text className="rate-card__title">差评跟进</Text>
        <Text className={`sj-badge ${FOLLOW_UP_TONE[followUp.status]}`} id="rate-followup-status">
          {followUp.statusText}
        </Text>
      </View>
      <Text className="rate-hint" id="rate-followup-deadline">
        承诺 {formatDay(followUp.deadline)} 前完成核实整改并回访
      </Text>
      <StepList id="rate-followup-step" entries={followUpEntries(followUp)} />
    </View>
  );
}

/** A given rating: stars and words, the sub-scores, the comment, and for 差评 its follow-up. */
export function RatingView({ rating }: { rating: Rating }): JSX.Element {
  return (
    <View id="rate-view">
      <View className="sj-card rate-card">
        <View className="rate-card__head">
          <Text className="rate-card__title">我的评价</Text>
          {rating.bad ? (
            <Text className="sj-badge sj-badge--danger" id="rate-view-bad">
              差评
            </Text>
          ) : null}
        </View>
        <Stars id="rate-view-stars" label="整体满意度" value={rating.level} size="large" />
        <Text className={`rate-level-text ${rating.bad ? 'rate-level-text--bad' : ''}`} id="rate-view-level">
          {rating.levelText || levelText(rating.level)}
        </Text>
        <Text className="rate-hint">评价时间 {formatDateTime(rating.ratedAt)}</Text>
        <View className="rate-view__aspects">
          {RATING_ASPECTS.map((aspect) => (
            <View className="rate-aspect__row" key={aspect.key} id={`rate-view-aspect-${aspect.key}`}>
              <Text className="rate-aspect__label">{aspect.text}</Text>
              <Stars
                id={`rate-view-aspect-${aspect.key}-stars`}
                label={aspect.text}
                value={rating.aspects[aspect.key]}
              />
            </View>
          ))}
        </View>
        {rating.comment ? (
          <Text className="rate-view__comment" id="rate-view-comment">
            {rating.comment}
          </Text>
        ) : null}
      </View>
      {rating.followUp ? <FollowUpCard followUp={rating.followUp} /> : null}
    </View>
  );
}
