import Taro from '@tarojs/taro';
import type { PickedFile } from '@/hooks/useUploads';

/**
 * weapp: a photo (camera or album) or a file from a WeChat chat (PDFs live
 * there). H5 uses a file input instead (see MaterialUpload). Null when the
 * citizen cancels.
 */
export async function pickFileOnWeapp(): Promise<PickedFile | null> {
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: ['拍照或从相册选择', '从微信聊天中选择文件'] });
    if (tapIndex === 0) {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] });
      const file = res.tempFiles[0];
      if (!file) return null;
      const name = file.tempFilePath.split('/').pop() ?? 'photo.jpg';
      return { path: file.tempFilePath, name, size: file.size };
    }
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['jpg', 'jpeg', 'png', 'pdf'] });
    const file = res.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch {
    return null; // cancelled
  }
}
