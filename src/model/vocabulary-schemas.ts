/** The vocabularies as zod enums, for the report and case-file schemas. */
import { z } from 'zod';
import { CALL_STATUSES, CHANNELS, DIRECTIONS, ID_TYPES, KINDS, PRECISIONS, ROLES } from './vocabulary.js';

export const ChannelSchema = z.enum(CHANNELS);
export const KindSchema = z.enum(KINDS);
export const DirectionSchema = z.enum(DIRECTIONS);
export const CallStatusSchema = z.enum(CALL_STATUSES);
export const IdTypeSchema = z.enum(ID_TYPES);
export const RoleSchema = z.enum(ROLES);
export const PrecisionSchema = z.enum(PRECISIONS);
