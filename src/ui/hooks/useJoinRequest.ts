/**
 * The till's join QR (self-enrolment): asks the service for a join request,
 * then asks about once a second how it went (src/service/commands/member-join.ts
 * says why polling), until the customer has joined or the code expired. It
 * lives with the checkout screen, not the dialog, so closing the dialog to
 * go on scanning does not lose the customer who is filling in the form.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Shown } from '../../core/i18n';
import type { CommandOutputs } from '../../contract/commands';
import { api, CommandError } from '../api';
import { errorText } from '../errors';

export const JOIN_POLL_MS = 1000;

export type JoinStatus = CommandOutputs['member.joinStatus'];

export type JoinPhase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  /** The till is not connected: the normal enrolment is offered instead. */
  | { kind: 'offline'; text: Shown }
  | { kind: 'failed'; text: Shown }
  | { kind: 'showing'; url: string; expiresAt: number; reachable: boolean }
  | { kind: 'expired' };

/** Who joined, and the basket (its sale key) that was open when the code was made. */
export interface Joined {
  status: JoinStatus & { member: NonNullable<JoinStatus['member']> };
  basketKey: string;
}

interface Pending {
  requestId: string;
  basketKey: string;
}

export function useJoinRequest(onJoined: (joined: Joined) => void) {
  const [phase, setPhase] = useState<JoinPhase>({ kind: 'idle' });
  const [pending, setPending] = useState<Pending | null>(null);
  // Each start (and stop) makes the answers of the ones before it stale.
  const generation = useRef(0);
  const onJoinedNow = useRef(onJoined);
  useEffect(() => {
    onJoinedNow.current = onJoined;
  });

  const start = useCallback(async (basketKey: string) => {
    const mine = ++generation.current;
    setPending(null);
    setPhase({ kind: 'starting' });
    try {
      // The cloud is given an id of its own for the basket, not the sale's key.
      const started = await api.call('member.joinStart', { basketId: crypto.randomUUID() });
      if (generation.current !== mine) return;
      setPending({ requestId: started.requestId, basketKey });
      setPhase({
        kind: 'showing',
        url: started.url,
        expiresAt: started.expiresAt,
        reachable: true,
      });
    } catch (error) {
      if (generation.current !== mine) return;
      const offline =
        error instanceof CommandError &&
        (error.code === 'join_needs_network' || error.code === 'unreachable');
      setPhase({ kind: offline ? 'offline' : 'failed', text: errorText(error) });
    }
  }, []);

  const stop = useCallback(() => {
    generation.current += 1;
    setPending(null);
    setPhase({ kind: 'idle' });
  }, []);

  useEffect(() => {
    if (pending === null) return;
    const mine = generation.current;
    let inFlight = false;
    const poll = async () => {
      if (inFlight) return;
      inFlight = true;
      try {
        const status = await api.call('member.joinStatus', { requestId: pending.requestId });
        if (generation.current !== mine) return;
        if (status.state === 'used' && status.member !== null) {
          generation.current += 1;
          setPending(null);
          setPhase({ kind: 'idle' });
          onJoinedNow.current({
            status: { ...status, member: status.member },
            basketKey: pending.basketKey,
          });
        } else if (status.state === 'expired') {
          setPending(null);
          setPhase({ kind: 'expired' });
        } else {
          setPhase((now) =>
            now.kind === 'showing' && now.reachable !== status.reachable
              ? { ...now, reachable: status.reachable }
              : now,
          );
        }
      } catch (error) {
        if (generation.current !== mine) return;
        // The till forgot it, or the cloud did (a restart): a new code is needed.
        if (error instanceof CommandError && error.code === 'join_not_found') {
          setPending(null);
          setPhase({ kind: 'expired' });
        }
      } finally {
        inFlight = false;
      }
    };
    const timer = setInterval(() => void poll(), JOIN_POLL_MS);
    return () => clearInterval(timer);
  }, [pending]);

  /** The sale (its key) a code still waiting was made for, or null. */
  return { phase, start, stop, waitingFor: pending?.basketKey ?? null };
}
