import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { IdentityCheckOutcome } from '@suijing/shared';
import { useIdentityFields, type IdentityFieldsState } from '@/components/IdentityFields';
import { ApiError, messageOf } from '@/services/api-error';
import { verifyIdentity } from '@/services/identity';
import { applyIdentity } from '@/stores/auth-actions';
import { noteStepUpPassed } from '@/stores/step-up';
import { leaveTo } from '@/utils/navigation';

/** The form, 刷脸换绑 once the identity turns out bound to another account, and the notice after a move. */
export type VerifyMode = 'form' | 'bound-elsewhere' | 'moved';

export interface VerifyFormState {
  fields: IdentityFieldsState;
  mode: VerifyMode;
  backToForm: () => void;
  /** The sentence under the fields when the failure is not about one of them. */
  error: string | null;
  busy: boolean;
  /** Too many tries today: 提交认证 is off. */
  locked: boolean;
  /** 提交认证: name and ID number against the register. */
  submit: () => Promise<void>;
  /** 刷脸 / 网证 passed, here or moving the identity from another account. */
  onPassed: (outcome: IdentityCheckOutcome) => void;
  /** 继续 after the move notice. */
  continueAfterMove: () => void;
}

function leaveAfterToast(title: string, next: string): void {
  void Taro.showToast({ title, icon: 'success' });
  setTimeout(() => leaveTo(next), 600);
}

/** 实名 for an account without an identity, then back to `next`. */
export function useVerifyForm(next: string): VerifyFormState {
  const fields = useIdentityFields();
  const [mode, setMode] = useState<VerifyMode>('form');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState(false);
  const [passed, setPassed] = useState<IdentityCheckOutcome | null>(null);

  const submit = async (): Promise<void> => {
    const person = fields.validate();
    if (!person) return;
    setBusy(true);
    setError(null);
    try {
      applyIdentity(await verifyIdentity(person));
      noteStepUpPassed();
      leaveAfterToast('实名认证成功', next);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IDENTITY_BOUND_ELSEWHERE') {
        setMode('bound-elsewhere');
        return;
      }
      if (e instanceof ApiError && e.code === 'IDENTITY_TOO_MANY_TRIES') setLocked(true);
      const fieldErrors =
        e instanceof ApiError ? e.fields.filter((f) => f.path === 'name' || f.path === 'idNumber') : [];
      if (fieldErrors.length > 0) fields.setErrors(Object.fromEntries(fieldErrors.map((f) => [f.path, f.message])));
      else setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const onPassed = (outcome: IdentityCheckOutcome): void => {
    noteStepUpPassed();
    if (outcome.movedFromAnotherAccount) {
      // The account's new status is applied on 继续: applied now, this page would switch to its verified view.
      setPassed(outcome);
      setMode('moved');
      return;
    }
    applyIdentity(outcome.identity);
    leaveAfterToast('认证成功', next);
  };

  const continueAfterMove = (): void => {
    if (passed) applyIdentity(passed.identity);
    leaveTo(next);
  };

  return { fields, mode, backToForm: () => setMode('form'), error, busy, locked, submit, onPassed, continueAfterMove };
}
