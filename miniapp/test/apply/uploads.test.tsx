import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { MaterialUpload } from '@/components/MaterialUpload';
import { useUploads } from '@/hooks/useUploads';
import { uploadMaterial } from '@/services/materials';
import { ApiError } from '@/services/api-error';
import { byId } from '../support/dom';

jest.mock('@/services/materials', () => ({
  ...jest.requireActual<typeof import('@/services/materials')>('@/services/materials'),
  uploadMaterial: jest.fn(),
}));
const uploadMock = jest.mocked(uploadMaterial);

const UPLOADED = { materialId: 'm1', filename: 'id.png', size: 2048, mime: 'image/png' as const, uploadedAt: '' };

function Slot(): JSX.Element {
  const uploads = useUploads();
  return (
    <MaterialUpload
      id="material-0"
      label="上传身份证"
      slot={uploads.slots['身份证']}
      onPick={(file) => uploads.upload('身份证', file)}
      onRetry={() => uploads.retry('身份证')}
      onRemove={() => uploads.remove('身份证')}
    />
  );
}

function choose(name: string, size = 2048): void {
  const input = byId('material-0-file') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([new Uint8Array(size)], name, { type: 'image/png' })] } });
}

/** The colour NutUI's Progress paints its filled part with (an inline style). */
function barColour(host: HTMLElement): string {
  const inner = host.querySelector<HTMLElement>('.nut-progress-inner');
  if (!inner) throw new Error('no progress bar');
  return inner.getAttribute('style') ?? '';
}

describe('material upload', () => {
  it('when a file uploads, then the progress shows and then the file as uploaded', async () => {
    // Arrange
    let progress: ((p: number) => void) | undefined;
    let finish: (() => void) | undefined;
    uploadMock.mockImplementation(
      (options) =>
        new Promise((resolve) => {
          progress = options.onProgress;
          finish = () => resolve(UPLOADED);
        }),
    );
    render(<Slot />);

    // Act
    choose('id.png');
    act(() => progress?.(40));

    // Assert
    expect(byId('material-0-progress').textContent).toContain('40%');
    await act(async () => finish?.());
    expect(byId('material-0-done').textContent).toContain('id.png');
  });

  it('when a file is uploading, then its bar is the brand blue, and red only once the upload failed', async () => {
    // Arrange
    let progress: ((p: number) => void) | undefined;
    let fail: (() => void) | undefined;
    uploadMock.mockImplementation(
      (options) =>
        new Promise((_resolve, reject) => {
          progress = options.onProgress;
          fail = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败' }));
        }),
    );
    render(<Slot />);

    // Act
    choose('id.png');
    act(() => progress?.(60));
    const uploading = barColour(byId('material-0-progress'));
    await act(async () => fail?.());

    // Assert
    expect(uploading).toContain('--sj-color-primary');
    expect(uploading).not.toMatch(/danger|#ff0f23/i);
    expect(barColour(byId('material-0-failed-bar'))).toContain('--sj-color-danger');
    expect(byId('material-0-error').textContent).toContain('网络连接失败');
  });

  it('when the upload fails, then 重试 sends the same file again', async () => {
    // Arrange
    uploadMock
      .mockRejectedValueOnce(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败' }))
      .mockResolvedValueOnce(UPLOADED);
    render(<Slot />);
    choose('id.png');
    await waitFor(() => byId('material-0-retry'));
    expect(byId('material-0-error').textContent).toContain('网络连接失败');

    // Act
    fireEvent.click(byId('material-0-retry'));

    // Assert
    await waitFor(() => byId('material-0-done'));
    expect(uploadMock).toHaveBeenCalledTimes(2);
    expect(uploadMock.mock.calls[1]?.[0].fileName).toBe('id.png');
  });

  it('when a file of the wrong type is chosen, then it is refused without an upload', () => {
    render(<Slot />);
    choose('notes.docx');
    expect(byId('material-0-error').textContent).toContain('JPG、PNG');
    expect(uploadMock).not.toHaveBeenCalled();
  });

  it('when an uploaded file is removed, then the pick button returns', async () => {
    uploadMock.mockResolvedValue(UPLOADED);
    render(<Slot />);
    choose('id.png');
    await waitFor(() => byId('material-0-done'));
    fireEvent.click(byId('material-0-remove'));
    expect(byId('material-0-pick')).toBeTruthy();
  });
});
