import { View, Text } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import './index.scss';

interface ErrorStateProps {
  /** What went wrong, already in words a citizen understands. */
  message: string;
  onRetry: () => void;
  id?: string;
  retryText?: string;
}

/** A failed load: the reason and a way forward, never an endless spinner. */
export function ErrorState({ message, onRetry, id, retryText = '重试' }: ErrorStateProps): JSX.Element {
  return (
    <View className="sj-error-state" id={id} aria-live="polite">
      <View className="sj-error-state__mark" aria-hidden>
        !
      </View>
      <Text className="sj-error-state__message">{message}</Text>
      <ActionButton
        className="sj-error-state__retry"
        look="outline"
        onClick={onRetry}
        id={id ? `${id}-retry` : undefined}
      >
        {retryText}
      </ActionButton>
    </View>
  );
}
