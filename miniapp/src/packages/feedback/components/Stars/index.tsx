import { View, Text } from '@tarojs/components';
import { levelText } from '../../utils/format';
import './index.scss';

const LEVELS = [1, 2, 3, 4, 5] as const;

interface StarsProps {
  /** Prefix of the ids: `<id>-star-<1..5>`. */
  id: string;
  /** What is rated, for screen readers ("整体满意度"). */
  label: string;
  /** 0 for none chosen. */
  value: number;
  /** Without it the stars only show a given rating. */
  onChange?: (level: number) => void;
  size?: 'large' | 'normal';
}

/**
 * Five stars as radio buttons, each named with its level's words (e.g.
 * "4 星 满意"), large enough to tap in care mode. Our own rather than NutUI's
 * Rate: every star gets an id and an accessible name for E2E and screen readers.
 */
export function Stars({ id, label, value, onChange, size = 'normal' }: StarsProps): JSX.Element {
  const readOnly = !onChange;
  return (
    <View
      className={`stars stars--${size}`}
      id={id}
      role={readOnly ? 'img' : 'radiogroup'}
      aria-label={readOnly ? `${label} ${value} 星 ${levelText(value)}` : label}
    >
      {LEVELS.map((level) => {
        const on = level <= value;
        return (
          <View
            key={level}
            id={`${id}-star-${level}`}
            className={`stars__star ${on ? 'stars__star--on' : ''} ${readOnly ? 'stars__star--static' : ''}`}
            role={readOnly ? undefined : 'radio'}
            aria-checked={readOnly ? undefined : level === value}
            aria-label={readOnly ? undefined : `${level} 星 ${levelText(level)}`}
            aria-hidden={readOnly ? true : undefined}
            onClick={() => onChange?.(level)}
          >
            <Text>{on ? '★' : '☆'}</Text>
          </View>
        );
      })}
    </View>
  );
}
