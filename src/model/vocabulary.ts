/**
 * The fixed vocabularies every room shares: channels, kinds of contact, directions and call outcomes.
 * They are part of the JSON contract, so values are only ever added, never renamed.
 */
import { z } from 'zod';

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
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** What sort of contact a record is. `deleted` is a "This message was deleted" placeholder: still a contact. */
export const KINDS = ['message', 'media', 'deleted', 'call', 'visit', 'delivery', 'other'] as const;
export const KindSchema = z.enum(KINDS);
export type Kind = z.infer<typeof KindSchema>;

/** Direction relative to the person the export belongs to (normally the victim). */
export const DIRECTIONS = ['incoming', 'outgoing', 'unknown'] as const;
export const DirectionSchema = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof DirectionSchema>;

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
export const CallStatusSchema = z.enum(CALL_STATUSES);
export type CallStatus = z.infer<typeof CallStatusSchema>;

/** How an identifier was written in the source; decides how it is normalised. */
export const ID_TYPES = ['phone', 'email', 'account', 'handle', 'name'] as const;
export const IdTypeSchema = z.enum(ID_TYPES);
export type IdType = z.infer<typeof IdTypeSchema>;

/** Who a sender turned out to be once identities are resolved against the case file. */
export const ROLES = ['subject', 'victim', 'other'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** How precise a record's time is. Minute-resolution sources stay minute-resolution: seconds are never invented. */
export const PRECISIONS = ['ms', 's', 'min', 'day'] as const;
export const PrecisionSchema = z.enum(PRECISIONS);
export type Precision = z.infer<typeof PrecisionSchema>;
