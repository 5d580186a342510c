/**
 * The sentences Messenger and Instagram generate instead of a typed message: group notices, pseudo-reactions,
 * call summaries, unsend and attachment placeholders. They are written in the exporting account's UI language;
 * only English is recognised, and anything unrecognised stays an ordinary message (over-counting a notice is
 * visible in the report, silently dropping a typed message is not).
 *
 * Message text is written by the person being reported, so every pattern is anchored to the whole text, and
 * sentences that start with a name only match when that name is the record's own sender or "You" — someone
 * typing "Sorry I missed your call" stays a message. Sentences seen in real exports (timelinize's Messenger
 * notes, formats.md §3.2): "Sam left the group.", "You named the group Book club.", "Sam set the nickname for
 * Jo to Jojo.", "Reacted 😂 to your message", "Liked a message", "You missed a call from Sam.", "Sam missed your
 * call.", "The video chat ended.", "Sam sent an attachment.", "Sam unsent a message"; Instagram's "Sam started a
 * video chat", "You missed an audio call", "Audio call ended". Meta writes the exporting account as "You", so a
 * call sentence also tells who placed the call (`by`). Instagram names the actor by username while the record is
 * signed with the display name: the caller passes every name the thread ties to the sender (meta/people.ts).
 */

/**
 * Who placed a call, as its sentence tells it: Meta writes the exporting account as "You" ("You called Sam.",
 * "Sam missed your call."), so a call the owner made is `owner`, one another person made `other`.
 */
export type Caller = 'owner' | 'other';

/**
 * What a generated sentence stands for. `by` is left out when the sentence does not say who called; `missedBy`,
 * who it says missed the call ("You missed…": the owner; "Sam missed…": another person), when it names them.
 */
export type Sentence =
  | { readonly type: 'notice'; readonly reason: string }
  | CallSentence
  | { readonly type: 'unsent' }
  | { readonly type: 'attachment' };

/** A call summary: `missed` when its words say nobody answered. */
export interface CallSentence {
  readonly type: 'call';
  readonly missed: boolean;
  readonly by?: Caller;
  readonly missedBy?: Caller;
}

const MISSED_CALL = /^missed (?:a|an|your) (?:video |audio )?(?:call|chat)(?: (?:from|with) .+)?\.?$/su;
/** The callee's side of a missed call the exporting account made: "Sam missed your call", "… a call with you". */
const MISSED_OWN_CALL = /^missed (?:your .+|.+ (?:from|with) you\.?)$/su;
/** Instagram's start of a call: "Sam started a video chat", "You started an audio call". */
const STARTED_CALL = /^started (?:a|an) (?:video |audio )?(?:call|chat)\.?$/u;

/** Sentences that start with the actor ("Sam …", "You …"); matched against the text after the actor. */
const ACTOR_SENTENCES: readonly [RegExp, Sentence][] = [
  [/^(?:added .+ to|removed .+ from) the group\.?$/su, { type: 'notice', reason: 'membership-notice' }],
  [/^(?:left|joined) the (?:group|chat|conversation)\.?$/u, { type: 'notice', reason: 'membership-notice' }],
  [/^created (?:the|a) group(?: .+)?\.?$/su, { type: 'notice', reason: 'membership-notice' }],
  [/^(?:named|renamed) the group .+$/su, { type: 'notice', reason: 'settings-notice' }],
  [
    /^(?:changed|removed) the (?:group|chat) (?:name|photo|image)\b.*$/su,
    { type: 'notice', reason: 'settings-notice' },
  ],
  [
    /^(?:set|changed|cleared|removed) (?:the |your |his |her |their |its )?(?:own )?nickname\b.*$/su,
    { type: 'notice', reason: 'settings-notice' },
  ],
  [
    /^(?:changed|set|reset) the (?:chat )?(?:theme|emoji|quick reaction|colou?r|word effect)\b.*$/su,
    { type: 'notice', reason: 'settings-notice' },
  ],
  [/^(?:is|are) now an admin\.?$/u, { type: 'notice', reason: 'settings-notice' }],
  [/^(?:made .+ an admin|removed .+ as (?:an )?admin)\.?$/su, { type: 'notice', reason: 'settings-notice' }],
  [/^(?:pinned|unpinned) a message\.?$/u, { type: 'notice', reason: 'settings-notice' }],
  [
    /^(?:joined the (?:video |audio )?call|started sharing (?:video|their screen))\.?$/u,
    { type: 'notice', reason: 'call-notice' },
  ],
  [/^[Rr]eacted .{1,16} to (?:your|a|their|his|her) message ?\.?$/su, { type: 'notice', reason: 'reaction' }],
  [/^[Ll]iked a message ?\.?$/u, { type: 'notice', reason: 'reaction' }],
  [/^unsent a message\.?$/u, { type: 'unsent' }],
  [
    /^sent (?:an? |\d+ )?(?:attachment|photo|video|voice message|audio clip|gif|sticker|link|file|location)s?(?: from .+)?\.?$/isu,
    { type: 'attachment' },
  ],
];

/** Sentences without an actor. */
const WHOLE_SENTENCES: readonly [RegExp, Sentence][] = [
  [/^You are now connected on Messenger\.?$/u, { type: 'notice', reason: 'system-notice' }],
  [/^Say hi to your new Facebook friend,? .+$/su, { type: 'notice', reason: 'system-notice' }],
  [
    /^Messages and calls are secured with end-to-end encryption\b.*$/su,
    { type: 'notice', reason: 'system-notice' },
  ],
  [/^[Rr]eacted .{1,16} to (?:your|a) message ?\.?$/su, { type: 'notice', reason: 'reaction' }],
  [/^[Ll]iked a message ?\.?$/u, { type: 'notice', reason: 'reaction' }],
  [/^(?:The )?(?:video|audio) (?:chat|call) ended\.?$/iu, { type: 'call', missed: false }],
  [/^Missed (?:video |audio )?(?:call|chat)\.?$/u, { type: 'call', missed: true }],
  [/^(?:This message was unsent|User unsent a message)\.?$/u, { type: 'unsent' }],
];

/** The text after `actor ` when `text` starts with it. */
function after(text: string, actor: string): string | undefined {
  return text.startsWith(`${actor} `) ? text.slice(actor.length + 1) : undefined;
}

/**
 * A call sentence after its actor ("missed your call.", "started a video chat"): the actor is the exporting
 * account when `you`, otherwise another person of the thread.
 */
function callAfterActor(rest: string, you: boolean): Sentence | undefined {
  if (MISSED_CALL.test(rest)) {
    // "You missed a call from Sam": Sam called. "Sam missed your call": the owner called. "Sam missed a video chat":
    // Sam missed it, not the owner, and the sentence does not say who called (in a group, anyone).
    const missedBy: Caller = you ? 'owner' : 'other';
    const by: Caller | undefined = you ? 'other' : MISSED_OWN_CALL.test(rest) ? 'owner' : undefined;
    return by === undefined
      ? { type: 'call', missed: true, missedBy }
      : { type: 'call', missed: true, by, missedBy };
  }
  if (STARTED_CALL.test(rest)) return { type: 'call', missed: false, by: you ? 'owner' : 'other' };
  return undefined;
}

/**
 * Recognises a generated sentence. `sender` is the record's own sender, or every name the sender is known by in
 * the thread (a display name and the username Instagram writes its sentences with); `names` are the thread's
 * participants and title. Notices must start with the sender or "You"; call summaries may also start with another
 * participant ("Sam missed your call." can be filed under the caller), and "You called …" must name one.
 */
export function recogniseSentence(
  text: string,
  sender: string | readonly string[] | undefined,
  names: ReadonlySet<string>,
): Sentence | undefined {
  for (const [re, s] of WHOLE_SENTENCES) if (re.test(text)) return s;
  const senders = sender === undefined ? [] : typeof sender === 'string' ? [sender] : sender;
  let own: string | undefined;
  for (const name of senders) own ??= after(text, name);
  const you = after(text, 'You');
  for (const [rest, isYou] of [
    [own, false],
    [you, true],
  ] as const) {
    if (rest === undefined) continue;
    for (const [re, s] of ACTOR_SENTENCES) if (re.test(rest)) return s;
    const call = callAfterActor(rest, isYou);
    if (call !== undefined) return call;
  }
  for (const name of [...senders, ...names]) {
    const rest = after(text, name);
    if (rest === undefined) continue;
    const call = callAfterActor(rest, false);
    if (call !== undefined) return call;
    // "Sam called you." is a call summary only with a participant's full name as its subject.
    if (rest === 'called you.') return { type: 'call', missed: false, by: 'other' };
  }
  if (you !== undefined && calledKnown(you, names)) return { type: 'call', missed: false, by: 'owner' };
  return undefined;
}

/** "called Sam." after "You", only with a known callee: "You called me a liar." is a message. */
function calledKnown(rest: string, names: ReadonlySet<string> | undefined): boolean {
  const callee = /^called (.+)\.$/su.exec(rest)?.[1];
  return callee !== undefined && (callee === 'a contact' || names === undefined || names.has(callee));
}

/**
 * True when `text` is a sentence Meta generates for something the exporting account did, which it words with
 * "You" and files under the account's own name: "You named the group Flat 4.", "You added Jo Example to the
 * group.", "You left the group.", "You sent an attachment.", "You called Sam Sample.", "You started a video
 * chat". Not "You missed a call from Sam.": a call is filed under its caller, here Sam. English only, like every
 * sentence here; `names` are the thread's participants and title ("You called …" must name one). Without
 * `names` (a first sift, before a file's names are all known) any callee will do.
 */
export function isOwnActSentence(text: string, names?: ReadonlySet<string>): boolean {
  const rest = after(text, 'You');
  // "You are now an admin." tells what someone else did to the account, and may be filed under them.
  if (rest === undefined || rest.startsWith('are ')) return false;
  if (ACTOR_SENTENCES.some(([re]) => re.test(rest))) return true;
  return STARTED_CALL.test(rest) || calledKnown(rest, names);
}
