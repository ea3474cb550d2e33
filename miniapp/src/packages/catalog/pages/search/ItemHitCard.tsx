import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { ItemSummary, SearchItemHit } from '@suijing/shared';
import { ItemBadges } from '@/components/ItemBadges';
import { promisedText } from '@/utils/catalog-format';
import { familyLabel, KIND_LABEL, variantsToggleText } from './search-format';

interface ItemHitCardProps {
  hit: SearchItemHit;
  onOpen: (item: ItemSummary) => void;
}

/** The other variants of the family that match too, one tap from their guides. */
function Variants({ variants, onOpen }: { variants: ItemSummary[]; onOpen: (item: ItemSummary) => void }) {
  return (
    <View className="search-variants">
      {variants.map((variant) => (
        <View
          className="search-variant"
          id={`search-variant-${variant.code}`}
          key={variant.code}
          role="link"
          onClick={() => onOpen(variant)}
          hoverClass="search-variant--pressed"
        >
          <View className="search-variant__text">
            <Text className="search-variant__name">{variant.name}</Text>
            <Text className="search-variant__meta">
              {promisedText(variant.promisedDays)} · {variant.onlineDepth}
            </Text>
          </View>
          <Text className="search-variant__arrow" aria-hidden>
            ›
          </Text>
        </View>
      ))}
    </View>
  );
}

/**
 * An item found by the search. A family (主项) with several 情形 comes as its
 * best variant, labelled "普通护照 · 3 种情形", with the other matching variants folded under it.
 */
export function ItemHitCard({ hit, onOpen }: ItemHitCardProps): JSX.Element {
  const { item, family } = hit;
  const [open, setOpen] = useState(false);
  const foldable = family !== undefined && family.matched.length > 0;
  return (
    <View className={`search-hit${family ? ' search-hit--family' : ''}`}>
      <View
        className="search-hit__main"
        id={`search-result-${item.code}`}
        role="link"
        onClick={() => onOpen(item)}
        hoverClass="search-hit__main--pressed"
      >
        <View className="search-hit__head">
          <Text className="search-kind search-kind--item">{KIND_LABEL.item}</Text>
          {family ? <Text className="search-hit__family">{familyLabel(family)}</Text> : null}
        </View>
        <Text className="search-hit__name">{item.name}</Text>
        <Text className="search-hit__department">
          {item.department} · {item.policeType.name}
        </Text>
        <View className="search-hit__badges">
          <ItemBadges item={item} />
        </View>
      </View>
      {foldable ? (
        <>
          <View
            className="search-hit__toggle"
            id={`search-family-toggle-${item.code}`}
            role="button"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            <Text>{variantsToggleText(family, open)}</Text>
            <Text className={`search-hit__chevron${open ? ' search-hit__chevron--open' : ''}`} aria-hidden>
              ›
            </Text>
          </View>
          {open ? <Variants variants={family.matched} onOpen={onOpen} /> : null}
        </>
      ) : null}
    </View>
  );
}
