import type { UploadedMaterial } from '@suijing/shared';
import { readString, removeKey, writeString } from '@/utils/storage';

/** Uploads of an unfinished application, by material name, so a return to the form does not ask for them again. */
const keyOf = (itemCode: string): string => `suijing.applyUploads.${itemCode}`;

export function readUploads(itemCode: string): Record<string, UploadedMaterial> {
  const raw = readString(keyOf(itemCode));
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, UploadedMaterial>) : {};
  } catch {
    return {};
  }
}

export function writeUploads(itemCode: string, uploads: Record<string, UploadedMaterial>): void {
  if (Object.keys(uploads).length === 0) removeKey(keyOf(itemCode));
  else writeString(keyOf(itemCode), JSON.stringify(uploads));
}

export function forgetUploads(itemCode: string): void {
  removeKey(keyOf(itemCode));
}
