import type { WalletItemKind, WalletShare } from '@suijing/shared';
import { deriveKey, Sealer } from '../../libraries/crypto';
import type { WalletShareDocument } from './wallet-share.model';

/** The seal of the shares' values, verifiers' names and stored tokens: one key purpose, wherever it is opened. */
export function walletShareSealer(dataKey: string): Sealer {
  return new Sealer(deriveKey(dataKey, 'wallet-shares'));
}

/** A link as its holder sees it: what it shows (labels), until when, and who checked it; never the token or values. */
export function toWalletShare(row: WalletShareDocument, now: Date, sealer: Sealer): WalletShare {
  const state = row.revokedAt ? 'revoked' : row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
  return {
    shareId: row._id,
    itemId: row.itemId,
    kind: row.kind as WalletItemKind,
    credentialName: row.credentialName,
    purpose: row.purpose,
    fields: row.fields.map(({ key, label }) => ({ key, label })),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    state,
    ...(row.revokedAt ? { revokedAt: row.revokedAt.toISOString() } : {}),
    uses: [...row.uses]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((use) => ({ at: use.at.toISOString(), verifierName: sealer.open(use.verifierSealed) ?? '（无法读取）' })),
  };
}
