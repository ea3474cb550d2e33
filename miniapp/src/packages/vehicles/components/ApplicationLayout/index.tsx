import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import './index.scss';
import { FieldError } from '@/components/FieldError';
import { SubmitButton } from '@/components/SubmitButton';

interface ApplicationLayoutProps {
  /** Prefix of the ids: `<id>-title`, `<id>-note`, `<id>-summary`, `<id>-error`, `<id>-submit`. */
  id: string;
  title: string;
  note: string;
  /** The review line: what will be applied for, in one sentence. */
  summary: string;
  /** Why the last submission failed, if it did. */
  failure: string | null;
  sending: boolean;
  onSubmit: () => void;
  children: ReactNode;
}

/** A 车驾管 application: its head, its cards, and the fixed bar with the review line and 提交. */
export function ApplicationLayout(props: ApplicationLayoutProps): JSX.Element {
  const { id, title, note, summary, failure, sending, onSubmit, children } = props;
  return (
    <View className="traffic-apply">
      <View className="traffic-apply-head">
        <Text className="traffic-apply-head__name" id={`${id}-title`}>
          {title}
        </Text>
        <Text className="traffic-apply-head__note" id={`${id}-note`}>
          {note}
        </Text>
      </View>
      {children}
      <View className="traffic-apply__bar">
        <Text className="traffic-apply__summary" id={`${id}-summary`}>
          {summary}
        </Text>
        <FieldError id={`${id}-error`} message={failure} />
        <SubmitButton
          id={`${id}-submit`}
          label="确认提交"
          sending={sending}
          failed={Boolean(failure)}
          onSubmit={onSubmit}
          className="traffic-apply__submit"
        />
      </View>
    </View>
  );
}
