/**
 * `<mms>`: gathered from its `<part>` and `<addr>` children while they stream past, finished at its end tag into
 * exactly one outcome. Only text parts and a one-line description of each attachment are kept; the base64
 * `data` of a photo is measured and dropped, so memory does not grow with attachments.
 */
import type { Party } from '../../model/index.js';
import type { SourceContext } from '../source.js';
import { type Attrs, base64Bytes, contactName, epochMs, OWNER, present, textOf } from './fields.js';
import { detach, type Interner } from './interner.js';
import type { LetGo } from './long-values.js';
import { BOX_HINT, type Box, DRAFT, INCOMING, keptText, OUTGOING, rejectDate, unsent } from './records.js';

/**
 * MMS `m_type` values (OMA MMS encapsulation) of receipts the phone keeps beside messages: a delivery report
 * (134, m-delivery-ind) or a read report (136, m-read-orig-ind) says that an MMS arrived or was read, and carries
 * the other person's number as its From. It is no contact from them: skipped with its reason, not counted as an
 * incoming message. (128 send-req, 130 notification-ind, a message not yet downloaded, and 132 retrieve-conf are
 * messages.)
 */
const RECEIPTS: ReadonlyMap<string, string> = new Map([
  ['134', 'mms-delivery-report'],
  ['136', 'mms-read-report'],
]);

/** MMS `msg_box` (Android Telephony): 1 inbox, 2 sent, 3 drafts (skipped), 4 outbox, 5 failed. */
const MMS_BOXES: ReadonlyMap<string, Box> = new Map([
  ['1', INCOMING],
  ['2', OUTGOING],
  ['4', unsent('SMS_UNSENT_OUTBOX')],
  ['5', unsent('SMS_UNSENT_FAILED')],
]);

/** An `<mms>` being read: its attributes, then what its parts and addresses add. */
export class MmsRecord {
  private readonly texts: string[] = [];
  private readonly attachments: string[] = [];
  private from: string | undefined;
  /** Bytes of its text parts left out while they were read (long-values.ts). */
  private textDropped = 0;

  constructor(
    private readonly attrs: Attrs,
    readonly locator: string,
    private readonly strings: Interner,
  ) {}

  /**
   * Takes in one descendant element; only `part` and `addr` carry anything we use. `letGo`: what of its values was
   * read but not held (long-values.ts): base64 counted into an attachment's size, text bytes left out.
   */
  child(name: string, a: Attrs, letGo: LetGo): void {
    if (name === 'addr') {
      // 137 = PduHeaders.FROM; Android writes "insert-address-token" as a placeholder for the own number.
      const address = present(a['address']);
      if (a['type'] === '137' && this.from === undefined && address !== 'insert-address-token')
        this.from = address;
      return;
    }
    if (name !== 'part') return;
    const contentType = present(a['ct']) ?? '';
    const ct = contentType.toLowerCase();
    if (ct.startsWith('application/smil')) return; // slide layout, not content
    if (ct.startsWith('text/plain')) {
      const text = textOf(a['text']);
      if (text === undefined) return;
      // A part cut while read ends what is kept, as the cut of all the parts read whole would: a later part is
      // counted with its line break, not joined after the cut (where it could fill the bytes the cut left over).
      if (this.textDropped > 0) this.textDropped += 1 + Buffer.byteLength(text);
      else {
        this.texts.push(text);
        this.textDropped = letGo.dropped.get('text') ?? 0;
      }
      return;
    }
    const file = present(a['cl']) ?? present(a['name']) ?? present(a['fn']) ?? 'unnamed';
    const data = a['data'];
    const size =
      data === undefined || (data === '' && letGo.data.chars === 0)
        ? ''
        : `, ${kib(base64Bytes(data, letGo.data))}`;
    this.attachments.push(`${file} (${contentType || 'unknown type'}${size})`);
  }

  /** Emits, skips or rejects the finished record. */
  finish(ctx: SourceContext): void {
    const { attrs: a, locator } = this;
    const boxValue = present(a['msg_box']);
    const box = MMS_BOXES.get(boxValue ?? '');
    const ms = epochMs(a['date']);
    const report = RECEIPTS.get(present(a['m_type']) ?? '');
    if (boxValue === DRAFT) ctx.skip('draft', locator);
    else if (report !== undefined) ctx.skip(report, locator);
    else if (box === undefined) {
      ctx.reject(
        'SMS_BAD_MSG_BOX',
        locator,
        `mms msg_box="${a['msg_box'] ?? ''}" is not one of 1 (received), 2 (sent), 3 (draft), 4 (outbox), 5 (failed)`,
        BOX_HINT,
      );
    } else if (typeof ms === 'string') rejectDate(ctx, locator, ms);
    else this.emit(box, ms, ctx);
  }

  private emit(box: Box, ms: number, ctx: SourceContext): void {
    const { attrs: a, locator } = this;
    const address = this.strings.thread(present(a['address']));
    let sender: Party | undefined = OWNER;
    if (box.direction === 'incoming') sender = this.sender(address, ctx);
    const subject = present(a['sub']);
    const details: Record<string, string> = {};
    if (subject !== undefined) details['subject'] = detach(subject);
    if (this.attachments.length > 0) details['attachments'] = this.attachments.join('; ');
    const joined = this.texts.length > 0 ? this.texts.join('\n') : undefined;
    const copy = `${address ?? ''}\u0000${ms}`;
    const { text, flags } = keptText(joined, this.textDropped, box.flags, locator, ctx, copy);
    ctx.emit({
      locator,
      time: { type: 'instant', ms, precision: 'ms' },
      channel: 'sms',
      kind: this.attachments.length > 0 ? 'media' : 'message',
      direction: box.direction,
      sender,
      text: text === undefined ? undefined : detach(text),
      conversation: address,
      nativeId: detachOrUndefined(present(a['m_id'])),
      flags,
      details: subject === undefined && this.attachments.length === 0 ? undefined : details,
    });
  }

  /** The sender of a received MMS: the From address; for a one-to-one thread without one, the thread address. */
  private sender(address: string | undefined, ctx: SourceContext): Party | undefined {
    let id = this.from;
    if (id === undefined && address !== undefined && !address.includes('~') && !address.includes('@')) {
      id = address;
      ctx.warn(
        'SMS_MMS_SENDER_FROM_ADDRESS',
        this.locator,
        `received MMS has no <addr type="137"> (From); the thread address "${address}" is taken as the sender`,
        "Nothing to fix: in a conversation with one other person, the thread address is theirs. If who sent it matters, check the message in the phone's messaging app.",
      );
    }
    if (id === undefined) {
      ctx.warn(
        'SMS_MMS_NO_SENDER',
        this.locator,
        `received group MMS has no <addr type="137"> (From) and the thread address "${address ?? ''}" names no single sender`,
        "The message is kept with no sender, so it is counted as no one's. Open the group conversation in the phone's messaging app to see who sent it; if it was the subject, add it to a diary entry.",
      );
    }
    // contact_name names the thread: for a group it lists everyone, so it names the sender only one-to-one.
    const name = id !== undefined && id === address ? contactName(this.attrs['contact_name']) : undefined;
    return this.strings.party(id, name);
  }
}

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`;
}

function detachOrUndefined(s: string | undefined): string | undefined {
  return s === undefined ? undefined : detach(s);
}
