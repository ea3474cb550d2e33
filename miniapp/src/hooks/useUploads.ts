import { useCallback, useRef, useState } from 'react';
import type { UploadedMaterial } from '@suijing/shared';
import { messageOf } from '@/services/api-error';
import { checkMaterialFile, uploadMaterial } from '@/services/materials';

/** A file the citizen picked: a local path (weapp) or an object URL (H5). */
export interface PickedFile {
  path: string;
  name: string;
  size: number;
  /** H5: the File itself. */
  file?: Blob;
}

export type UploadSlot =
  | { status: 'uploading'; file: PickedFile; progress: number }
  /** `progress`: how far the failed upload got (absent when it never started). */
  | { status: 'error'; file: PickedFile; message: string; retryable: boolean; progress?: number }
  | { status: 'done'; uploaded: UploadedMaterial };

export interface Uploads {
  slots: Record<string, UploadSlot | undefined>;
  upload: (key: string, file: PickedFile) => void;
  retry: (key: string) => void;
  remove: (key: string) => void;
  /** Replaces every slot (e.g. uploads remembered from an earlier visit). */
  restore: (done: Record<string, UploadedMaterial>) => void;
  busy: boolean;
}

/**
 * Uploads by key (one per material): progress while the bytes go out, a
 * retry of the same file after a failure, removal. Only the latest upload
 * of a key may land, so a slow earlier one never replaces a newer file.
 */
export function useUploads(): Uploads {
  const [slots, setSlots] = useState<Record<string, UploadSlot | undefined>>({});
  const generation = useRef<Record<string, number>>({});

  const set = (key: string, slot: UploadSlot | undefined): void => setSlots((prev) => ({ ...prev, [key]: slot }));

  const upload = useCallback((key: string, file: PickedFile) => {
    const call = (generation.current[key] ?? 0) + 1;
    generation.current[key] = call;
    const invalid = checkMaterialFile(file.name, file.size);
    if (invalid) {
      set(key, { status: 'error', file, message: invalid, retryable: false });
      return;
    }
    set(key, { status: 'uploading', file, progress: 0 });
    const current = (): boolean => generation.current[key] === call;
    let sent = 0;
    uploadMaterial({
      filePath: file.path,
      fileName: file.name,
      file: file.file,
      onProgress: (progress) => {
        sent = progress;
        if (current()) set(key, { status: 'uploading', file, progress });
      },
    }).then(
      (uploaded) => {
        if (current()) set(key, { status: 'done', uploaded });
      },
      (error: unknown) => {
        if (current()) set(key, { status: 'error', file, message: messageOf(error), retryable: true, progress: sent });
      },
    );
  }, []);

  const slotsRef = useRef(slots);
  slotsRef.current = slots;

  const retry = useCallback(
    (key: string) => {
      const slot = slotsRef.current[key];
      if (slot?.status === 'error') upload(key, slot.file);
    },
    [upload],
  );

  const remove = useCallback((key: string) => {
    generation.current[key] = (generation.current[key] ?? 0) + 1;
    set(key, undefined);
  }, []);

  const restore = useCallback((done: Record<string, UploadedMaterial>) => {
    setSlots(
      Object.fromEntries(Object.entries(done).map(([key, uploaded]) => [key, { status: 'done' as const, uploaded }])),
    );
  }, []);

  const busy = Object.values(slots).some((slot) => slot?.status === 'uploading');
  return { slots, upload, retry, remove, restore, busy };
}
