import { useCallback, useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { ViolationDetail } from '@suijing/shared';
import { fetchViolationPhoto } from '@/services/violations';

type PhotoState = { kind: 'loading' } | { kind: 'ready'; src: string } | { kind: 'failed' };

/** One evidence photo, fetched with the login (it is private); a failed one can be tapped to load again. */
function EvidencePhoto({ url, caption, index }: { url: string; caption: string; index: number }): JSX.Element {
  const [state, setState] = useState<PhotoState>({ kind: 'loading' });
  const load = useCallback(() => {
    setState({ kind: 'loading' });
    fetchViolationPhoto(url).then(
      (src) => setState({ kind: 'ready', src }),
      () => setState({ kind: 'failed' }),
    );
  }, [url]);
  useEffect(load, [load]);
  const id = `violation-photo-${index + 1}`;
  return (
    <View className="violation-photo" id={id} data-state={state.kind}>
      {state.kind === 'ready' ? (
        <Image
          className="violation-photo__image"
          src={state.src}
          mode="aspectFit"
          aria-label={caption}
          nativeProps={{ alt: caption }}
        />
      ) : state.kind === 'loading' ? (
        <Skeleton className="violation-photo__placeholder" rows={3} animated />
      ) : (
        <View className="violation-photo__failed" role="button" id={`${id}-retry`} onClick={load}>
          <Text>照片加载失败，点按重试</Text>
        </View>
      )}
      <Text className="violation-photo__caption">{caption}</Text>
    </View>
  );
}

/** 违法照片: what the 电子警察 recorded (none for a ticket an officer wrote). */
export function EvidencePhotos({ photos }: { photos: ViolationDetail['photos'] }): JSX.Element {
  return (
    <View className="sj-card" id="violation-photos">
      <Text className="violation-section__title">违法照片</Text>
      {photos.length === 0 ? (
        <Text className="violation-section__note" id="violation-photos-none">
          现场执法记录，无电子警察照片
        </Text>
      ) : (
        photos.map((photo, index) => (
          <EvidencePhoto key={photo.url} url={photo.url} caption={photo.caption} index={index} />
        ))
      )}
    </View>
  );
}
