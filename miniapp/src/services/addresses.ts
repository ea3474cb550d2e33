import type { Address, AddressInput, AddressList, AddressUpdate } from '@suijing/shared';
import { apiRequest } from './api-client';

/** 收件地址簿: personal, so every call carries the token. Lists come masked; one address is read to edit it. */

const path = (id: string): string => `/api/v1/addresses/${encodeURIComponent(id)}`;

export function listAddresses(): Promise<AddressList> {
  return apiRequest<AddressList>({ path: '/api/v1/addresses' });
}

export function fetchAddress(id: string): Promise<Address> {
  return apiRequest<Address>({ path: path(id) });
}

/** The same `idempotencyKey` for retries of one save: the BFF answers a repeat with the address it kept. */
export function createAddress(input: AddressInput, idempotencyKey: string): Promise<Address> {
  return apiRequest<Address>({
    method: 'POST',
    path: '/api/v1/addresses',
    data: { ...input },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/** Without a mobile, the one kept stays (the form never has it in full). */
export function updateAddress(id: string, change: AddressUpdate): Promise<Address> {
  return apiRequest<Address>({ method: 'PUT', path: path(id), data: { ...change } });
}

/** Answers the book left. */
export function removeAddress(id: string): Promise<AddressList> {
  return apiRequest<AddressList>({ method: 'DELETE', path: path(id) });
}
