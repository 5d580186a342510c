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
 * call.", "The video chat ended.", "Sam sent an attachment.", "Sam unsent a message".
 */

/** What a generated sentence stands for. */
export type Sentence =
  | { readonly type: 'notice'; readonly reason: string }
  | { readonly type: 'call'; readonly missed: boolean }
  | { readonly type: 'unsent' }
  | { readonly type: 'attachment' };

const MISSED_CALL = /^missed (?:a|your) (?:video |audio )?(?:call|chat)(?: (?:from|with) .+)?\.?$/su;

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
  [
    /^missed (?:a|your) (?:video |audio )?(?:call|chat)(?: (?:from|with) .+)?\.?$/su,
    { type: 'call', missed: true },
  ],
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
 * Recognises a generated sentence. `sender` is the record's own sender; `names` are the thread's participants
 * and title. Notices must start with the sender or "You"; call summaries may also start with another
 * participant ("Sam missed your call." can be filed under the caller), and "You called …" must name one.
 */
export function recogniseSentence(
  text: string,
  sender: string | undefined,
  names: ReadonlySet<string>,
): Sentence | undefined {
  for (const [re, s] of WHOLE_SENTENCES) if (re.test(text)) return s;
  const own = (sender !== undefined ? after(text, sender) : undefined) ?? after(text, 'You');
  if (own !== undefined) {
    for (const [re, s] of ACTOR_SENTENCES) if (re.test(own)) return s;
  }
  for (const name of sender !== undefined ? [sender, ...names] : names) {
    const rest = after(text, name);
    if (rest !== undefined && MISSED_CALL.test(rest)) return { type: 'call', missed: true };
    // "Sam called you." is a call summary only with a participant's full name as its subject.
    if (rest === 'called you.') return { type: 'call', missed: false };
  }
  // "You called Sam." only with a known callee: "You called me a liar." is a message.
  const callee = /^You called (.+)\.$/su.exec(text)?.[1];
  if (callee !== undefined && (callee === 'a contact' || names.has(callee)))
    return { type: 'call', missed: false };
  return undefined;
}
