import { View, Text } from '@tarojs/components';
import './index.scss';

export interface Chip {
  key: string;
  title: string;
}

interface ChipsProps {
  /** Prefix of the chip ids: `<id>-<key>`. */
  id: string;
  label: string;
  chips: readonly Chip[];
  value: string;
  onChange: (key: string) => void;
  /** Wrap onto several lines instead of scrolling sideways (few, short chips). */
  wrap?: boolean;
}

/** A row that scrolls sideways is focusable, so a keyboard can reach and scroll it (WCAG 2.1.1). */
const SCROLLS = { tabIndex: 0 };

/** One choice among a few, as a row of chips (业务类型, 区, 服务, 日期-less filters). */
export function Chips({ id, label, chips, value, onChange, wrap = false }: ChipsProps): JSX.Element {
  return (
    <View
      className={`hall-chips ${wrap ? 'hall-chips--wrap' : ''}`}
      id={id}
      role="radiogroup"
      aria-label={label}
      {...(wrap ? {} : SCROLLS)}
    >
      {chips.map((chip) => {
        const on = chip.key === value;
        return (
          <View
            key={chip.key}
            id={`${id}-${chip.key}`}
            className={`hall-chips__chip ${on ? 'hall-chips__chip--on' : ''}`}
            role="radio"
            aria-checked={on}
            onClick={() => onChange(chip.key)}
          >
            <Text>{chip.title}</Text>
          </View>
        );
      })}
    </View>
  );
}
