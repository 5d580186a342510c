/**
 * THE registry of input formats, and the only list of them. Detection tries sources in this order, so more
 * specific formats come first. Adding a format = one file in this folder + one line here + a fixtures folder
 * + a test (see README "Adding a source").
 */
import { chronologJsonl } from './chronolog-jsonl.js';
import { chronologJsonlDiary } from './chronolog-jsonl-diary.js';
import { csvDiary } from './csv-diary/index.js';
import { discordCsv } from './discord-csv/index.js';
import { discordJson } from './discord-json/index.js';
import { eml } from './eml.js';
import { imessageTxt } from './imessage-txt.js';
import { mbox } from './mbox.js';
import { messengerE2eeJson } from './messenger-e2ee-json.js';
import { messengerHtml } from './messenger-html/index.js';
import { messengerJson } from './messenger-json/index.js';
import { signalChat } from './signal-chat.js';
import { signalJson } from './signal-json.js';
import { smsBackupXml } from './sms-backup-xml/index.js';
import type { Container, Source } from './source.js';
import { telegramJson } from './telegram-json/index.js';
import { twitterArchive } from './twitter-archive/index.js';
import { whatsappTxt } from './whatsapp-txt/index.js';
import { zip } from './zip.js';

export const sources: readonly Source[] = [
  // registry: sources (most specific first)
  chronologJsonlDiary,
  chronologJsonl,
  mbox,
  eml,
  smsBackupXml,
  telegramJson,
  discordJson,
  twitterArchive,
  messengerE2eeJson,
  messengerJson,
  messengerHtml,
  signalJson,
  signalChat,
  imessageTxt,
  whatsappTxt,
  discordCsv,
  csvDiary, // keep last: a diary is the most generic CSV
];

export const containers: readonly Container[] = [
  zip,
  // registry: containers
];

export function sourceById(id: string): Source | undefined {
  return sources.find((s) => s.id === id);
}

export type {
  Container,
  DateOrder,
  Probe,
  Source,
  SourceContext,
  SourceInput,
  SourceOptions,
} from './source.js';
export { ContainerFailure, FailureAtEnd, SourceFailure } from './source.js';
