/**
 * The fixed vocabularies every room shares: channels, kinds of contact, directions and call outcomes.
 * They are part of the JSON contract, so values are only ever added, never renamed.
 */

/** Where a contact happened. A call made inside an app counts on that app's channel with the kind `call`. */
export const CHANNELS = [
  'sms',
  'call',
  'whatsapp',
  'messenger',
  'instagram',
  'telegram',
  'signal',
  'imessage',
  'discord',
  'twitter',
  'email',
  'social',
  'in-person',
  'post',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** What sort of contact a record is. `deleted` is a "This message was deleted" placeholder: still a contact. */
export const KINDS = ['message', 'media', 'deleted', 'call', 'visit', 'delivery', 'other'] as const;
export type Kind = (typeof KINDS)[number];

/** Direction relative to the person the export belongs to (normally the victim). */
export const DIRECTIONS = ['incoming', 'outgoing', 'unknown'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** How a call ended, where the export says so. */
export const CALL_STATUSES = [
  'answered',
  'missed',
  'rejected',
  'blocked',
  'voicemail',
  'outgoing',
  'unknown',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/**
 * The flag on an incoming call whose number the phone did not get (withheld, unknown or payphone): such a call is
 * attributed to nobody, and the reports count it apart (analysis/withheld-calls.ts).
 */
export const WITHHELD_FLAG = 'withheld';

/** How an identifier was written in the source; decides how it is normalised. */
export const ID_TYPES = ['phone', 'email', 'account', 'handle', 'name'] as const;
export type IdType = (typeof ID_TYPES)[number];

/** Who a sender turned out to be once identities are resolved against the case file. */
export const ROLES = ['subject', 'victim', 'other'] as const;
export type Role = (typeof ROLES)[number];

/** How precise a record's time is. Minute-resolution sources stay minute-resolution: seconds are never invented. */
export const PRECISIONS = ['ms', 's', 'min', 'day'] as const;
export type Precision = (typeof PRECISIONS)[number];
