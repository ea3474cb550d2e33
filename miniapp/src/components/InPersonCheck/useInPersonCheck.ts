import { useCallback, useRef, useState } from 'react';
import { ERRORS } from '@suijing/shared/errors';
import type { IdentityCheckOutcome, IdentityCheckStart } from '@suijing/shared';
import { completeInPersonCheck, linkWechat, startInPersonCheck } from '@/services/identity';
import type { InPersonChannel } from '@/utils/assurance';
import { describeCheckFailure, isTransient, type CheckFailure } from './check-failure';
import { runWechatFace, WECHAT_FACE_UNSUPPORTED, wechatFaceAvailable, type CameraResult } from './wechat-face';

/** The name and ID number a check is for, when it is not the account's own verified identity. */
export interface CheckPerson {
  name: string;
  idNumber: string;
}

export type CheckPhase =
  | { name: 'idle' }
  | { name: 'starting' }
  /** Started: the 网证 authorisation is open elsewhere, or WeChat's camera is. */
  | { name: 'waiting'; start: IdentityCheckStart }
  | { name: 'completing'; start: IdentityCheckStart }
  | { name: 'linking' }
  | { name: 'passed'; outcome: IdentityCheckOutcome };

export interface InPersonCheck {
  phase: CheckPhase;
  failure: CheckFailure | null;
  /** Starts a check (again): the 开始 / 重新认证 button. */
  begin: () => void;
  /** Asks the BFF for the outcome: 我已完成认证. */
  complete: () => void;
  /** 关联微信, then starts the check again. */
  link: () => void;
}

export interface InPersonCheckOptions {
  channel: InPersonChannel;
  /**
   * The person to check, read when a check starts: undefined for the account's
   * own identity; null when the fields are not valid (nothing starts).
   */
  person?: () => CheckPerson | null;
  onPassed: (outcome: IdentityCheckOutcome) => void;
}

/**
 * One in-person check, start to outcome. On weapp the camera opens at once
 * and the outcome is asked for when it closes; in the browser the person
 * authorises in the 网证 page (or app) and taps 我已完成认证.
 */
export function useInPersonCheck({ channel, person, onPassed }: InPersonCheckOptions): InPersonCheck {
  const [phase, setPhase] = useState<CheckPhase>({ name: 'idle' });
  const [failure, setFailure] = useState<CheckFailure | null>(null);
  const optionsRef = useRef({ person, onPassed });
  optionsRef.current = { person, onPassed };
  const busy = useRef(false);

  const finish = useCallback(async (start: IdentityCheckStart, camera?: CameraResult): Promise<void> => {
    setPhase({ name: 'completing', start });
    try {
      const outcome = await completeInPersonCheck(start.checkId);
      setFailure(null);
      setPhase({ name: 'passed', outcome });
      optionsRef.current.onPassed(outcome);
    } catch (error) {
      let described = describeCheckFailure(error, 'complete');
      // Closed the camera before it finished: that is the answer, not "not done yet".
      if (camera === 'cancelled' && described.next === 'complete') {
        described = { message: ERRORS.FACE_CHECK_CANCELLED.message, next: 'restart', fields: {} };
      }
      setFailure(described);
      setPhase(described.next === 'complete' ? { name: 'waiting', start } : { name: 'idle' });
    }
  }, []);

  const begin = useCallback(() => {
    if (busy.current) return;
    if (channel === 'wechat-face' && !wechatFaceAvailable()) {
      setFailure({ message: WECHAT_FACE_UNSUPPORTED, next: 'stop', fields: {} });
      return;
    }
    const who = optionsRef.current.person?.();
    if (who === null) return;
    busy.current = true;
    setFailure(null);
    setPhase({ name: 'starting' });
    void (async () => {
      try {
        const start = await startInPersonCheck({ channel, ...(who ? { name: who.name, idNumber: who.idNumber } : {}) });
        setPhase({ name: 'waiting', start });
        if (start.channel === 'wechat-face' && start.wechat) {
          const camera = await runWechatFace(start.wechat.verifyId);
          await finish(start, camera);
        }
      } catch (error) {
        setFailure(describeCheckFailure(error, 'start'));
        setPhase({ name: 'idle' });
      } finally {
        busy.current = false;
      }
    })();
  }, [channel, finish]);

  const complete = useCallback(() => {
    if (busy.current || phase.name !== 'waiting') return;
    busy.current = true;
    setFailure(null);
    void finish(phase.start).finally(() => {
      busy.current = false;
    });
  }, [finish, phase]);

  const link = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    setFailure(null);
    setPhase({ name: 'linking' });
    linkWechat().then(
      () => {
        busy.current = false;
        setPhase({ name: 'idle' });
        begin();
      },
      (error: unknown) => {
        busy.current = false;
        const described = describeCheckFailure(error, 'start');
        // Offline or a hiccup: 关联微信 again; anything else (e.g. linked to another account) is the answer.
        setFailure({ ...described, next: isTransient(error) ? 'link-wechat' : 'stop' });
        setPhase({ name: 'idle' });
      },
    );
  }, [begin]);

  return { phase, failure, begin, complete, link };
}
