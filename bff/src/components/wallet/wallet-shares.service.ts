import { randomBytes } from 'node:crypto';
import {
  shareFieldsOf,
  type ShareVerifyRequest,
  type ShareVerifyResult,
  type WalletShareCreated,
  type WalletShareList,
  type WalletShareRequest,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { AuthState } from '../../libraries/context';
import { randomToken, sha256, type Sealer } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import type { Limit, RateLimiter } from '../../libraries/rate-limiter';
import type { DataUseService } from '../privacy/data-use.service';
import type { WalletShareDocument } from './wallet-share.model';
import type { WalletSharesRepository } from './wallet-shares.repository';
import { toWalletShare } from './wallet-share-view';
import { showable } from './wallet-status';
import type { WalletService } from './wallet.service';

/** Links one holder may make a Beijing day: plenty for renting and a new job, too few to flood the store. */
const CREATE_LIMIT: Limit = { points: 50, windowMs: 86_400_000, alignOffsetMs: 8 * 3600_000 };
/** A verifier's page checks once per opening; a prober guessing tokens far more. */
const VERIFY_LIMIT: Limit = { points: 60, windowMs: 60_000 };
/** Checks kept on one link (a day-long link opened by a few people needs a handful). */
const MAX_USES = 200;
/** Where the verifier's page lives in the H5 build (hash router). */
const VERIFY_PAGE = '/#/packages/wallet/pages/verify/index';

/** What the stored answer of a creation keeps: the token only sealed (the idempotency store is a database too). */
type StoredCreation = Omit<WalletShareCreated, 'token' | 'url'> & { tokenSealed: string };

interface SharedValue {
  key: string;
  label: string;
  value: string;
}

export interface WalletSharesServiceDeps {
  shares: WalletSharesRepository;
  wallet: Pick<WalletService, 'ownedItem'>;
  dataUse: Pick<DataUseService, 'record'>;
  /** Seals the shown values, the verifiers' names and the token in the stored answer. */
  sealer: Sealer;
  limiter: RateLimiter;
  idempotency: IdempotencyStore;
  publicBaseUrl: string;
  clock: Clock;
}

/**
 * 出示: a holder lets a verifier (a landlord, an employer) see chosen facts of
 * one certificate through a link that expires. The values are fixed and
 * sealed when the link is made; the token is shown once and kept only as a
 * hash; every check is recorded for the holder, on the link and in their
 * 个人信息使用记录.
 */
export class WalletSharesService {
  constructor(private readonly deps: WalletSharesServiceDeps) {}

  /** `holderIdHash`: the caller's person (the route's L3 gate found them), whose usage record the checks go to. */
  async create(
    auth: AuthState,
    holderIdHash: string,
    idempotencyKey: string,
    request: WalletShareRequest,
  ): Promise<StoredResponse<WalletShareCreated>> {
    const stored = await this.deps.idempotency.run<StoredCreation>(
      `wallet-shares:${auth.userId}`,
      idempotencyKey,
      requestHash(request),
      () => this.make(auth, holderIdHash, request),
    );
    const token = this.deps.sealer.open(stored.body.tokenSealed);
    if (token === null) throw new Error('sealed share token cannot be opened: DATA_ENCRYPTION_KEY changed?');
    const { tokenSealed: _sealed, ...created } = stored.body;
    return {
      status: stored.status,
      body: { ...created, token, url: `${this.deps.publicBaseUrl}${VERIFY_PAGE}?t=${token}` },
    };
  }

  async list(userId: string): Promise<WalletShareList> {
    const now = this.deps.clock.now();
    const rows = await this.deps.shares.listByUser(userId, now);
    return { items: rows.map((row) => toWalletShare(row, now, this.deps.sealer)) };
  }

  /** Ends a link at once (again: no change); another holder's link is 404 like an unknown one. */
  async revoke(userId: string, shareId: string): Promise<void> {
    const now = this.deps.clock.now();
    const share = await this.deps.shares.findOwn(userId, shareId, now);
    if (!share) throw new AppError({ code: 'SHARE_NOT_FOUND' });
    await this.deps.shares.revoke(userId, shareId, now);
  }

  /** The verifier's check: every outcome is an answer (their page says why), only a valid link shows its fields. */
  async verify(request: ShareVerifyRequest, clientAddress: string): Promise<ShareVerifyResult> {
    await this.deps.limiter.demand(`wallet-share-verify:${clientAddress}`, VERIFY_LIMIT, '核验过于频繁，请稍后再试');
    const now = this.deps.clock.now();
    const checkedAt = now.toISOString();
    const unknown: ShareVerifyResult = {
      result: 'unknown',
      resultText: '无效的出示链接，可能输入有误或被篡改，请让持证人重新出示',
      checkedAt,
    };
    const share = await this.deps.shares.findByTokenHash(sha256(request.token));
    if (!share) return unknown;
    const about = {
      checkedAt,
      credentialName: share.credentialName,
      purpose: share.purpose,
      expiresAt: share.expiresAt.toISOString(),
    };
    if (share.revokedAt) return { result: 'revoked', resultText: '持证人已撤回本次出示', ...about };
    if (share.expiresAt.getTime() <= now.getTime()) {
      return { result: 'expired', resultText: '出示链接已过期，请让持证人重新出示', ...about };
    }
    const fields = this.openValues(share.valuesSealed);
    if (!fields) return unknown;
    await this.recordUse(share, request.verifierName, now);
    return { result: 'valid', resultText: `${share.credentialName}出示内容有效`, ...about, fields };
  }

  private async make(
    auth: AuthState,
    holderIdHash: string,
    request: WalletShareRequest,
  ): Promise<StoredResponse<StoredCreation>> {
    const owned = await this.deps.wallet.ownedItem(auth, request.itemId);
    if (!showable(owned.item.status)) throw new AppError({ code: 'WALLET_ITEM_NOT_SHOWABLE' });
    const offered = owned.item.shareFields.map((field) => field.key);
    const refused = request.fields.filter((key) => !offered.includes(key));
    if (refused.length > 0) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        message: '所选出示内容不属于该证照，请重新选择',
        fields: [{ path: 'fields', message: `该证照不能出示：${refused.join('、')}` }],
      });
    }
    await this.deps.limiter.demand(
      `wallet-share-create:${auth.userId}`,
      CREATE_LIMIT,
      '今日出示次数已达上限，请明天再试',
    );
    const fields = shareFieldsOf(owned.item.kind, request.fields);
    const values: SharedValue[] = fields.map((field) => ({ ...field, value: owned.values[field.key] ?? '' }));
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + request.minutes * 60_000);
    const token = randomToken(32);
    const shareId = randomBytes(16).toString('base64url');
    await this.deps.shares.add({
      _id: shareId,
      userId: auth.userId,
      idHash: holderIdHash,
      tokenHash: sha256(token),
      itemId: owned.id,
      kind: owned.item.kind,
      credentialName: owned.item.name,
      purpose: request.purpose,
      fields,
      valuesSealed: this.deps.sealer.seal(JSON.stringify(values)),
      createdAt: now,
      expiresAt,
      revokedAt: null,
      uses: [],
    });
    return {
      status: 201,
      body: {
        shareId,
        tokenSealed: this.deps.sealer.seal(token),
        expiresAt: expiresAt.toISOString(),
        fields,
        purpose: request.purpose,
      },
    };
  }

  private async recordUse(share: WalletShareDocument, verifierName: string, at: Date): Promise<void> {
    if (share.uses.length < MAX_USES) {
      await this.deps.shares.addUse(share._id, { at, verifierSealed: this.deps.sealer.seal(verifierName) });
    }
    // The holder's usage record: one entry per verifier and link within a few minutes (a page refreshed is one check).
    await this.deps.dataUse.record(
      {
        idHash: share.idHash,
        userId: share.userId,
        sessionId: `wallet-share:${share._id}:${sha256(verifierName).slice(0, 16)}`,
        client: { platform: 'other', model: '出示核验页面' },
        account: `出示链接（${share.purpose}）`,
      },
      { feature: 'wallet-share', what: `核验方「${verifierName}」查看了您出示的${share.credentialName}` },
    );
  }

  private openValues(sealed: string): SharedValue[] | undefined {
    const plain = this.deps.sealer.open(sealed);
    if (plain === null) return undefined;
    return JSON.parse(plain) as SharedValue[];
  }
}
