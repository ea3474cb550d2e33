import {
  toCompactDate,
  type AccountDeletion,
  type BindingEvent,
  type DataUseRecord,
  type PersonalExport,
  type WalletShare,
} from '@suijing/shared';
import type { KeptAddress } from '../addresses/addresses.service';
import type { FamilyLinkDocument } from '../family/family-link.model';
import type { PaymentOrderDocument } from '../payments/payment-order.model';
import { receiptNoText } from '../payments/trade-numbers';
import type { UserDocument } from '../users/user.model';
import type { PersonalRecords } from './privacy.repository';

/** What the BFF holds about one person, as read from its collections and the identity component. */
export interface ExportParts extends PersonalRecords {
  now: Date;
  user: UserDocument;
  /** The verified identity in full, or null for an account without one. */
  identity: { name: string; idNumber: string } | null;
  /** The address book, opened. */
  addresses: KeptAddress[];
  /** Family links the person is in, either side (names masked as stored). */
  familyLinks: FamilyLinkDocument[];
  /** 出示记录 as the wallet shows them to the holder (verifiers' names opened). */
  walletShares: WalletShare[];
  bindingHistory: BindingEvent[];
  dataUse: DataUseRecord[];
  retentionDays: number;
  deletion: AccountDeletion;
}

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

/**
 * A payment order as the person's record of it: what, how much, what became
 * of it and the receipt number. Not the payer tag (a hash of the WeChat
 * openid), nor the platforms' trade numbers or notices.
 */
function paymentRecord(order: PaymentOrderDocument): PersonalExport['payments'][number] {
  const { refund } = order;
  return {
    orderId: order._id.toHexString(),
    kind: order.kind,
    title: order.title,
    reference: order.reference,
    department: order.department,
    platform: order.platform,
    lines: order.lines.map((line) => ({ label: line.label, amountFen: line.amountFen })),
    amountFen: order.amountFen,
    state: order.state,
    createdAt: order.createdAt.toISOString(),
    paidAt: iso(order.paidAt),
    closedAt: iso(order.closedAt),
    receiptNo: order.receiptNo ? receiptNoText(order.receiptNo) : null,
    refund: refund
      ? {
          amountFen: refund.amountFen,
          reason: refund.reason,
          state: refund.state,
          requestedAt: refund.requestedAt.toISOString(),
          refundedAt: iso(refund.refundedAt),
        }
      : null,
  };
}

/** A family link from the person's side: whom they act for, or who may act for them; names masked. */
function familyRecord(link: FamilyLinkDocument, userId: string): PersonalExport['family'][number] {
  const actor = link.actorUserId === userId;
  return {
    role: actor ? 'actor' : 'member',
    otherNameMasked: actor ? link.memberNameMasked : link.actorNameMasked,
    relation: link.relation,
    kind: link.kind as 'minor' | 'adult',
    status: link.status,
    proof: link.proof ?? null,
    createdAt: link.createdAt.toISOString(),
    activatedAt: iso(link.activatedAt),
    endedAt: iso(link.endedAt),
  };
}

/** A 出示 link: what was shown (labels), to what end, until when, who checked it; never its token or values. */
function walletShareRecord(share: WalletShare): PersonalExport['walletShares'][number] {
  return {
    credentialName: share.credentialName,
    purpose: share.purpose,
    fields: share.fields.map((field) => field.label),
    createdAt: share.createdAt,
    expiresAt: share.expiresAt,
    state: share.state,
    revokedAt: share.revokedAt ?? null,
    uses: share.uses.map((use) => ({ at: use.at, verifierName: use.verifierName })),
  };
}

/** suijing-personal-information-20261128.json: the Beijing day the copy was made. */
export function exportFileName(generatedAt: Date): string {
  return `suijing-personal-information-${toCompactDate(generatedAt)}.json`;
}

/** The copy as the person downloads it: their own numbers in full, no credentials (token hashes, session keys). */
export function toPersonalExport(parts: ExportParts): PersonalExport {
  const { user } = parts;
  return {
    format: 'suijing-personal-information/1',
    generatedAt: parts.now.toISOString(),
    account: {
      userId: user._id,
      phone: user.phone ?? null,
      wechatOpenid: user.openid ?? null,
      realNameStatus: user.realNameStatus,
      createdAt: user.createdAt.toISOString(),
    },
    identity:
      parts.identity && user.realName
        ? {
            name: parts.identity.name,
            idNumber: parts.identity.idNumber,
            method: user.realName.method,
            verifiedAt: user.realName.verifiedAt.toISOString(),
          }
        : null,
    sessions: parts.sessions.map((s) => ({
      id: s._id,
      loginMethod: s.loginMethod,
      device: { platform: s.client?.platform ?? 'other', model: s.client?.model ?? null },
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      endedAt: iso(s.revokedAt),
      endReason: s.revokeReason ?? null,
      inPersonAt: iso(s.inPersonAt),
      inPersonMethod: s.inPersonMethod ?? null,
    })),
    bindingHistory: parts.bindingHistory,
    drafts: parts.drafts.map((d) => ({
      itemCode: d.itemCode,
      itemName: d.itemName,
      formVersion: d.formVersion,
      data: d.data,
      updatedAt: d.updatedAt.toISOString(),
    })),
    favorites: parts.favorites.map((f) => ({ code: f.code, name: f.name, favoritedAt: f.createdAt.toISOString() })),
    cases: parts.cases.map((c) => ({
      caseNo: c._id,
      itemCode: c.itemCode,
      itemName: c.view.itemName,
      status: c.status,
      statusText: c.view.statusText,
      submittedAt: c.view.submittedAt,
      updatedAt: c.view.updatedAt,
    })),
    packageCases: parts.packageCases.map((p) => ({
      packageCaseNo: p._id,
      packageCode: p.packageCode,
      name: p.name,
      submittedAt: p.submittedAt.toISOString(),
      members: p.members.map((m) => ({ itemName: m.itemName, status: m.status, caseNo: m.caseNo ?? null })),
    })),
    materials: parts.materials.map((m) => ({
      materialId: m._id,
      filename: m.filename,
      mime: m.mime,
      size: m.size,
      uploadedAt: m.uploadedAt.toISOString(),
    })),
    messages: parts.messages.map((m) => ({
      kind: m.kind,
      title: m.title,
      body: m.body,
      caseNo: m.caseNo ?? null,
      read: m.read,
      createdAt: m.createdAt.toISOString(),
    })),
    addresses: parts.addresses.map((a) => ({
      id: a.id,
      recipient: a.recipient,
      mobile: a.mobile,
      province: a.province,
      city: a.city,
      district: a.district,
      districtCode: a.districtCode,
      detail: a.detail,
      isDefault: a.isDefault,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    })),
    payments: parts.paymentOrders.map(paymentRecord),
    family: parts.familyLinks.map((link) => familyRecord(link, user._id)),
    walletShares: parts.walletShares.map(walletShareRecord),
    dataUse: { retentionDays: parts.retentionDays, items: parts.dataUse },
    deletion: parts.deletion,
  };
}
