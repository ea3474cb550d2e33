import type { BindingEvent } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { BindingEventDocument } from './binding.model';
import type { IdentityBindingsRepository } from './identity-bindings.repository';

export type BindingMethod = 'register' | 'wechat-face' | 'ctid';

/** An account as the binding records it: who, seen masked, from which device. */
export interface BindingParty {
  userId: string;
  /** Masked: 138****1234 or 微信用户. */
  account: string;
  device: { platform: string; model: string | null };
}

interface Owner {
  userId: string | null;
  version: number;
}

type Change =
  | {
      kind: 'bound' | 'moved';
      method: BindingMethod;
      to: BindingParty;
      fromUserId: string | null;
      fromAccount: string | null;
    }
  | { kind: 'unbound' | 'closed'; method: 'user' | 'account-closed'; from: BindingParty };

/**
 * One person, one account. The owner of an ID number is its binding
 * document; every change to it (bind, move, unbind) is claimed first by
 * inserting the event of the next version, `<idHash>:<version>`, so two
 * accounts racing for the same person cannot both win, on any server and
 * without transactions. A change whose event was written but whose binding
 * was not (a crash between the two) is finished by the next read.
 */
export class IdentityBindings {
  constructor(private readonly deps: { bindings: IdentityBindingsRepository; clock: Clock }) {}

  /** Who holds the person now (null: nobody), repairing a change left half-done. */
  async ownerOf(idHash: string): Promise<Owner> {
    const binding = await this.deps.bindings.binding(idHash);
    let owner: Owner = { userId: binding?.userId || null, version: binding?.version ?? 0 };
    for (;;) {
      const next = await this.deps.bindings.event(idHash, owner.version + 1);
      if (!next) return owner;
      await this.apply(next);
      owner = { userId: next.toUserId ?? null, version: next.version };
    }
  }

  /** Binds the person to an account that nobody else holds it for; the owner's id when another does. */
  async bind(idHash: string, to: BindingParty, method: BindingMethod): Promise<{ ownedBy: string | null }> {
    const owner = await this.ownerOf(idHash);
    if (owner.userId === to.userId) return { ownedBy: null };
    if (owner.userId !== null) return { ownedBy: owner.userId };
    const won = await this.change(idHash, owner.version, {
      kind: 'bound',
      method,
      to,
      fromUserId: null,
      fromAccount: null,
    });
    if (won) return { ownedBy: null };
    // Another account claimed the same version first: whoever holds it now decides.
    const now = await this.ownerOf(idHash);
    return { ownedBy: now.userId === to.userId ? null : now.userId };
  }

  /**
   * Moves the person to `to` after an in-person check (刷脸换绑); binds when
   * nobody holds it. Answers the account it was taken from, or `lost` when
   * another change won the race (the caller refuses; the person may try again).
   */
  async move(
    idHash: string,
    to: BindingParty,
    method: BindingMethod,
    fromAccountOf: (userId: string) => Promise<string>,
  ): Promise<{ from: string | null; lost: boolean }> {
    const owner = await this.ownerOf(idHash);
    if (owner.userId === to.userId) return { from: null, lost: false };
    const fromAccount = owner.userId ? await fromAccountOf(owner.userId) : null;
    const won = await this.change(idHash, owner.version, {
      kind: owner.userId ? 'moved' : 'bound',
      method,
      to,
      fromUserId: owner.userId,
      fromAccount,
    });
    if (won) return { from: owner.userId, lost: false };
    const now = await this.ownerOf(idHash);
    return { from: null, lost: now.userId !== to.userId };
  }

  /** Ends the binding held by `from` (the person unbinds, or closes the account); false when it is not theirs. */
  async release(idHash: string, from: BindingParty, reason: 'unbound' | 'closed'): Promise<boolean> {
    const owner = await this.ownerOf(idHash);
    if (owner.userId !== from.userId) return false;
    return this.change(idHash, owner.version, {
      kind: reason,
      method: reason === 'closed' ? 'account-closed' : 'user',
      from,
    });
  }

  /** For account closing: releases whatever person the account holds. */
  async releaseForClosedAccount(userId: string): Promise<void> {
    const held = await this.deps.bindings.heldBy(userId);
    for (const binding of held) {
      await this.release(
        binding._id,
        { userId, account: '已注销账号', device: { platform: 'other', model: null } },
        'closed',
      );
    }
  }

  /** The person's binding history as the account `viewer` sees it, newest first. */
  async history(idHash: string, viewer: string): Promise<BindingEvent[]> {
    const events = await this.deps.bindings.historyOf(idHash, 100);
    return events.flatMap((e): BindingEvent[] => {
      const at = e.at.toISOString();
      const device = { platform: e.device?.platform ?? 'other', model: e.device?.model ?? null };
      const method = e.method as BindingEvent['method'];
      if (e.kind === 'moved') {
        const mine = e.toUserId === viewer;
        return [
          {
            kind: mine ? 'moved-in' : 'moved-out',
            at,
            method,
            account: (mine ? e.toAccount : e.fromAccount) ?? '其他账号',
            thisAccount: mine || e.fromUserId === viewer,
            device,
          },
        ];
      }
      const userId = e.kind === 'bound' ? e.toUserId : e.fromUserId;
      const account = (e.kind === 'bound' ? e.toAccount : e.fromAccount) ?? '其他账号';
      return [
        { kind: e.kind as 'bound' | 'unbound' | 'closed', at, method, account, thisAccount: userId === viewer, device },
      ];
    });
  }

  /** Claims version `from + 1` by its event; only the winner writes the binding. */
  private async change(idHash: string, from: number, change: Change): Promise<boolean> {
    const version = from + 1;
    const parties = !('from' in change)
      ? {
          fromUserId: change.fromUserId,
          toUserId: change.to.userId,
          fromAccount: change.fromAccount,
          toAccount: change.to.account,
          device: change.to.device,
        }
      : {
          fromUserId: change.from.userId,
          toUserId: null,
          fromAccount: change.from.account,
          toAccount: null,
          device: change.from.device,
        };
    const event = {
      _id: `${idHash}:${version}`,
      idHash,
      version,
      kind: change.kind,
      method: change.method,
      ...parties,
      at: this.deps.clock.now(),
    };
    if (!(await this.deps.bindings.claim(event))) return false;
    await this.apply(event);
    return true;
  }

  /** Makes the binding document say what an event decided. */
  private async apply(event: Pick<BindingEventDocument, 'idHash' | 'version' | 'toUserId' | 'method' | 'at'>) {
    const method = event.method === 'user' || event.method === 'account-closed' ? 'register' : event.method;
    await this.deps.bindings.setOwner(event.idHash, {
      userId: event.toUserId ?? '',
      version: event.version,
      method,
      boundAt: event.at,
    });
  }
}
