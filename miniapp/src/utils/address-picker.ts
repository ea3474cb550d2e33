import Taro from '@tarojs/taro';
import type { AddressSummary } from '@suijing/shared';

/** The event the address book (its own subpackage) sends the apply form when opened to choose an address (`?pick=1`). */
const PICKED = 'addresses:picked';

export function announcePicked(address: AddressSummary): void {
  Taro.eventCenter.trigger(PICKED, address);
}

/** Listens for the choice; returns the way to stop listening. */
export function onAddressPicked(handler: (address: AddressSummary) => void): () => void {
  Taro.eventCenter.on(PICKED, handler);
  return () => Taro.eventCenter.off(PICKED, handler);
}
