import { View, Text } from '@tarojs/components';
import type { ComplaintDetail } from '@suijing/shared';
import { formatDateTime } from '@/utils/format';
import { StepList } from '../../components/StepList';
import { STAGE_LONG, STAGE_SHORT } from '../../utils/format';

type Step = ComplaintDetail['steps'][number];

/** "派 · 派单": the BFF may name a step by its one character only, so the words come from here then. */
function stepTitle(step: Step): string {
  const words = step.stageText.length > 1 ? step.stageText : STAGE_LONG[step.stage];
  return `${STAGE_SHORT[step.stage]} · ${words}`;
}

/**
 * 接 答 派 办 评 as five dots on a line, each done, current (what happens
 * next) or pending as the BFF says, so the loop always agrees with the
 * ticket's stage (a handled ticket's 办 is done; 评 waits for the citizen).
 */
export function LoopProgress({ detail }: { detail: ComplaintDetail }): JSX.Element {
  return (
    <View className="sj-card" id="complaint-loop-card">
      <Text className="complaint-section__title">办理进度</Text>
      <View className="loop" id="complaint-loop" role="list" aria-label="12345 办理环节">
        {detail.loop.map(({ stage, state, stateText }) => (
          <View
            key={stage}
            id={`complaint-loop-${stage}`}
            className={`loop__step loop__step--${state}`}
            role="listitem"
            data-state={state}
            aria-current={state === 'current' ? 'step' : undefined}
            aria-label={`${STAGE_SHORT[stage]}（${STAGE_LONG[stage]}）${stateText}`}
          >
            <Text className="loop__mark">{STAGE_SHORT[stage]}</Text>
            <Text className="loop__label">{STAGE_LONG[stage]}</Text>
            <Text className="loop__state">{stateText}</Text>
          </View>
        ))}
      </View>
      {detail.steps.length > 0 ? (
        <StepList
          id="complaint-step"
          entries={detail.steps.map((step, index) => ({
            key: String(index),
            title: stepTitle(step),
            meta: `${formatDateTime(step.at)} · ${step.department}`,
            note: step.note,
            // What has happened: where the ticket is now is the loop's to show, above.
            state: 'done',
          }))}
        />
      ) : null}
    </View>
  );
}
