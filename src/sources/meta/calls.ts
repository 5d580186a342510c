/**
 * How a Messenger or Instagram call ended, from the owner's side. Meta files a call under the person who placed
 * it and marks it `missed` (or words it "… missed …") when nobody answered, whoever called; `call_duration` is 0
 * for a call nobody answered. So a call the exporting account placed is `outgoing` whatever became of it (an
 * unanswered call of one's own is no missed call), and only a call someone else placed can be `missed`.
 */
import type { CallStatus } from '../../model/index.js';
import type { Caller } from './sentences.js';

/**
 * `by`: who placed the call, when the sentence or the thread shows it; `missed`: the export marks it missed;
 * `durationSec`: its `call_duration`. A 0-second call of someone else's is one the owner did not answer (missed);
 * a 0-second call whose caller is unknown may be the owner's own unanswered call, so it stays `unknown`.
 */
export function callStatus(
  by: Caller | undefined,
  missed: boolean,
  durationSec: number | undefined,
): CallStatus {
  if (by === 'owner') return 'outgoing';
  if (missed) return 'missed';
  if (durationSec !== undefined && durationSec > 0) return 'answered';
  if (durationSec === 0 && by === 'other') return 'missed';
  return 'unknown';
}

/**
 * Who placed a call: as its sentence says ("You called…"), else from the sender it is filed under and the
 * thread's owner (meta/people.ts `threadOwner`), when both are known.
 */
export function callerOf(
  said: Caller | undefined,
  sender: string | undefined,
  owner: string | undefined,
): Caller | undefined {
  if (said !== undefined) return said;
  if (sender === undefined || owner === undefined) return undefined;
  return sender === owner ? 'owner' : 'other';
}
