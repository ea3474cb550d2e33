import { Image } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';
import './index.scss';

interface QrCodeProps {
  /** The text to encode (the e-card's or an appointment's signed payload). */
  value: string;
  id: string;
  /** What the code is, for screen readers. */
  label?: string;
}

/** Pixels per module in the generated image; the Image scales it to the frame. */
const CELL_SIZE = 6;
/** The quiet zone scanners need around the code, in modules. */
const MARGIN = 4;

/**
 * The QR code of a value as an image (a GIF data URL from qrcode-generator):
 * one element instead of thousands of Views, and the same on weapp and H5.
 * Shared (the e-licence card, appointment check-in): subpackages cannot import each other.
 * Error correction M survives a cracked screen or glare, as officers scan phones.
 */
export function QrCode({ value, id, label = '电子驾驶证二维码' }: QrCodeProps): JSX.Element {
  const src = useMemo(() => {
    const code = qrcode(0, 'M');
    code.addData(value);
    code.make();
    return code.createDataURL(CELL_SIZE, MARGIN * CELL_SIZE);
  }, [value]);
  // aria-label names it on weapp; on H5 the name belongs on the inner <img> (Taro's nativeProps), where browsers look for it.
  return (
    <Image
      className="qr-code"
      id={id}
      data-value={value}
      src={src}
      mode="aspectFit"
      aria-label={label}
      nativeProps={{ alt: label }}
    />
  );
}
