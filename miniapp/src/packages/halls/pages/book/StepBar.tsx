import { View, Text } from '@tarojs/components';

export const BOOK_STEPS = [
  { key: 'business', title: '选业务' },
  { key: 'hall', title: '选大厅' },
  { key: 'time', title: '选时间' },
  { key: 'confirm', title: '确认' },
] as const;
export type BookStep = (typeof BOOK_STEPS)[number]['key'];

/** The four steps, the current one marked; a done step can be tapped to go back to it. */
export function StepBar({ step, onBack }: { step: BookStep; onBack: (step: BookStep) => void }): JSX.Element {
  const current = BOOK_STEPS.findIndex((s) => s.key === step);
  return (
    <View className="book-steps" id="book-steps" role="list" aria-label="预约步骤">
      {BOOK_STEPS.map((s, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <View
            key={s.key}
            id={`book-step-${s.key}`}
            className={`book-steps__step book-steps__step--${state}`}
            role="listitem"
            aria-current={state === 'current' ? 'step' : undefined}
            data-state={state}
            onClick={() => {
              if (state === 'done') onBack(s.key);
            }}
          >
            <Text className="book-steps__index">{state === 'done' ? '✓' : index + 1}</Text>
            <Text className="book-steps__title">{s.title}</Text>
          </View>
        );
      })}
    </View>
  );
}
