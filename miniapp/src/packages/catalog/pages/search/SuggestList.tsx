import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { Suggestion } from '@suijing/shared';
import { highlightParts, KIND_LABEL } from './search-format';
import type { SuggestionsState } from './useSuggestions';

interface SuggestListProps {
  /** The text in the box, as typed. */
  text: string;
  state: SuggestionsState;
  onOpen: (suggestion: Suggestion) => void;
  onSearch: () => void;
}

function SuggestRow({ suggestion, text, onOpen }: { suggestion: Suggestion; text: string; onOpen: () => void }) {
  const { kind, code, family } = suggestion;
  return (
    <View
      className="search-suggest__row"
      id={`suggest-${code}`}
      role="link"
      onClick={onOpen}
      hoverClass="search-suggest__row--pressed"
    >
      <Text className={`search-kind search-kind--${kind}`}>{KIND_LABEL[kind]}</Text>
      <View className="search-suggest__text">
        <Text className="search-suggest__name">
          {highlightParts(suggestion.text, text).map((part, index) => (
            <Text className={part.match ? 'search-suggest__match' : undefined} key={index}>
              {part.text}
            </Text>
          ))}
        </Text>
        {family && family !== suggestion.text ? <Text className="search-suggest__family">{family}</Text> : null}
      </View>
    </View>
  );
}

/** While typing: up to 8 items and packages to open directly, and the full search of what was typed. */
export function SuggestList({ text, state, onOpen, onSearch }: SuggestListProps): JSX.Element {
  const { status, suggestions } = state;
  return (
    <View className="search-suggest" id="search-suggest">
      {status === 'loading' && suggestions.length === 0 ? (
        <View className="search-suggest__skeleton" id="search-suggest-loading" aria-busy="true">
          <Skeleton rows={3} animated />
        </View>
      ) : null}
      {suggestions.map((suggestion) => (
        <SuggestRow
          key={`${suggestion.kind}-${suggestion.code}`}
          suggestion={suggestion}
          text={text}
          onOpen={() => onOpen(suggestion)}
        />
      ))}
      {status === 'error' ? (
        <Text className="search-suggest__note" id="search-suggest-error">
          暂时无法给出联想，请点下方“搜索”查找
        </Text>
      ) : null}
      <View
        className="search-suggest__row search-suggest__row--search"
        id="search-suggest-submit"
        role="button"
        onClick={onSearch}
        hoverClass="search-suggest__row--pressed"
      >
        <Text className="search-suggest__search">搜索“{text.trim()}”</Text>
      </View>
    </View>
  );
}
