import Taro from '@tarojs/taro';

/** Where a file the person asked for ended up. */
export type SavedFile =
  /** H5: handed to the browser as a download. */
  | { kind: 'downloaded'; fileName: string }
  /** weapp: written to the mini-program's own folder; it can be sent to a chat from there. */
  | { kind: 'saved'; fileName: string; filePath: string };

/** `穗警通个人信息副本-2026-11-28.json`-style names: only characters every file system accepts. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = Array.from(name)
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && !'\\/:*?"<>|'.includes(ch))
    .join('')
    .trim();
  return cleaned === '' ? fallback : cleaned.slice(0, 120);
}

/** The file name of a Content-Disposition header (RFC 6266: filename* first), or null. */
export function fileNameFromDisposition(header: string | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Not valid percent-encoding: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || null;
}

function downloadInBrowser(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function writeInMiniProgram(fileName: string, text: string): string {
  const folder = Taro.env.USER_DATA_PATH;
  if (!folder) throw new Error('USER_DATA_PATH is not available on this platform');
  const filePath = `${folder}/${fileName}`;
  Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
  return filePath;
}

/** Saves text as a file: a browser download on H5, a file in the mini-program's folder on weapp. */
export function saveTextFile(fileName: string, text: string, mimeType = 'application/json'): SavedFile {
  if (process.env.TARO_ENV === 'h5') {
    downloadInBrowser(fileName, text, mimeType);
    return { kind: 'downloaded', fileName };
  }
  return { kind: 'saved', fileName, filePath: writeInMiniProgram(fileName, text) };
}

/** weapp: sends a saved file to a WeChat chat (the person picks the chat; needs a tap). */
export async function shareSavedFile(file: { filePath: string; fileName: string }): Promise<void> {
  await Taro.shareFileMessage({ filePath: file.filePath, fileName: file.fileName });
}
