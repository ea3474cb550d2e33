import { useRef, type ChangeEvent } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Progress } from '@nutui/nutui-react-taro';
import type { PickedFile, UploadSlot } from '@/hooks/useUploads';
import { pickFileOnWeapp } from '@/utils/pick-file';
import './index.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';

interface MaterialUploadProps {
  /** Prefix of the E2E ids: `<id>-file` (H5 input), `<id>-pick`, `<id>-progress`, `<id>-done`, `<id>-retry`, `<id>-remove`, `<id>-error`. */
  id: string;
  /** What is uploaded, for screen readers ("上传居民身份证"). */
  label: string;
  slot: UploadSlot | undefined;
  onPick: (file: PickedFile) => void;
  onRetry: () => void;
  onRemove: () => void;
  disabled?: boolean;
}

/**
 * NutUI's bar is red unless told otherwise, which reads as a failure while the
 * bytes are still going out: the brand blue while uploading, red only where
 * an upload failed (the theme's tokens, so care mode and themes follow).
 */
export const PROGRESS_COLOUR = {
  uploading: 'var(--sj-color-primary, #1a5fd6)',
  failed: 'var(--sj-color-danger, #c62828)',
  track: 'var(--sj-color-border, #e4e7ed)',
} as const;

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** One material's upload: pick, progress, done (with remove), or the failure with a retry. */
export function MaterialUpload(props: MaterialUploadProps): JSX.Element {
  const { id, label, slot, onPick, onRetry, onRemove, disabled = false } = props;
  const input = useRef<HTMLInputElement>(null);

  const pick = (): void => {
    if (IS_H5) {
      input.current?.click();
      return;
    }
    void pickFileOnWeapp().then((file) => {
      if (file) onPick(file);
    });
  };

  const onFileChosen = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onPick({ path: file.name, name: file.name, size: file.size, file });
  };

  return (
    <View className="material-upload" id={id}>
      {IS_H5 ? (
        <input
          ref={input}
          id={`${id}-file`}
          className="material-upload__input"
          type="file"
          accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
          aria-label={label}
          onChange={onFileChosen}
        />
      ) : null}

      {slot === undefined ? (
        <Button
          className="material-upload__pick"
          id={`${id}-pick`}
          type="primary"
          fill="outline"
          disabled={disabled}
          onClick={pick}
        >
          上传文件
        </Button>
      ) : null}

      {slot?.status === 'uploading' ? (
        <View className="material-upload__row" id={`${id}-progress`} aria-busy="true">
          <Text className="material-upload__name">{slot.file.name}</Text>
          <Progress
            className="material-upload__bar"
            percent={slot.progress}
            showText={false}
            color={PROGRESS_COLOUR.uploading}
            background={PROGRESS_COLOUR.track}
            ariaLabel={`正在上传 ${slot.progress}%`}
          />
          <Text className="material-upload__note">正在上传 {slot.progress}%</Text>
        </View>
      ) : null}

      {slot?.status === 'done' ? (
        <View className="material-upload__row material-upload__row--done" id={`${id}-done`}>
          <Text className="material-upload__name">✓ {slot.uploaded.filename}</Text>
          <Text className="material-upload__note">已上传 · {sizeText(slot.uploaded.size)}</Text>
          <View
            className="material-upload__link"
            id={`${id}-remove`}
            role="button"
            aria-label={`删除已上传的${label}`}
            onClick={() => {
              if (!disabled) onRemove();
            }}
          >
            删除
          </View>
        </View>
      ) : null}

      {slot?.status === 'error' ? (
        <View className="material-upload__row material-upload__row--error">
          {slot.progress !== undefined && slot.progress > 0 ? (
            <Progress
              className="material-upload__bar"
              id={`${id}-failed-bar`}
              percent={slot.progress}
              showText={false}
              color={PROGRESS_COLOUR.failed}
              background={PROGRESS_COLOUR.track}
              ariaLabel={`上传失败，停在 ${slot.progress}%`}
            />
          ) : null}
          <Text className="material-upload__error" id={`${id}-error`}>
            {slot.message}
          </Text>
          <View className="material-upload__actions">
            {slot.retryable ? (
              <Button
                className="material-upload__small"
                id={`${id}-retry`}
                type="primary"
                size="small"
                onClick={onRetry}
              >
                重试
              </Button>
            ) : null}
            <Button className="material-upload__small" id={`${id}-repick`} size="small" onClick={pick}>
              重新选择
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
