import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './index.scss';

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
        {failure ? (
          <Text className="sj-field-error" id={`${id}-error`} aria-live="polite">
            {failure}
          </Text>
        ) : null}
        <Button
          block
          className="sj-block-button traffic-apply__submit"
          type="primary"
          id={`${id}-submit`}
          loading={sending}
          disabled={sending}
          onClick={onSubmit}
        >
          {sending ? '正在提交…' : failure ? '重新提交' : '确认提交'}
        </Button>
      </View>
    </View>
  );
}
