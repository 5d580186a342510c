/**
 * DCE's CSV has no type column: for Discord's system entries it writes a fixed English sentence in `Content`
 * (DiscordChatExporter `GetFallbackContent`, unchanged in wording since 2018 except the names added in 2023).
 * Only a whole cell that is exactly one of these sentences counts, and only without attachments.
 */

/** What a notice sentence means: a skip reason, or a call of about `minutes`. */
export type Notice =
  | { readonly skip: string; readonly minutes?: undefined }
  | { readonly skip?: undefined; readonly minutes: number };

const SENTENCES: readonly [RegExp, string][] = [
  [/^Added a recipient\.$|^Added .+ to the group\.$/s, 'system-recipient-add'],
  [/^Removed a recipient\.$|^Left the group\.$|^Removed .+ from the group\.$/s, 'system-recipient-remove'],
  [/^Changed the channel name(?:\.|: .*)$/s, 'system-channel-name-change'],
  [/^Changed the channel icon\.$/, 'system-channel-icon-change'],
  [/^Pinned a message\.$/, 'system-channel-pinned-message'],
  [/^Started a thread\.$/, 'system-thread-created'],
  [/^Joined the server\.$/, 'system-guild-member-join'],
];
// Minutes are written with thousands separators ("1,234") since 2023, and cut or rounded depending on version.
const CALL = /^Started a call that lasted (\d{1,3}(?:,\d{3})*|\d+) minutes\.$/;

/** The notice `content` is, or `undefined` for anything a person could have written differently. */
export function systemNotice(content: string): Notice | undefined {
  if (content.length > 300 || !/^(?:Added|Removed|Left|Changed|Pinned|Started|Joined) /.test(content))
    return undefined;
  const call = CALL.exec(content);
  if (call) return { minutes: Number(call[1]!.replace(/,/g, '')) };
  for (const [re, skip] of SENTENCES) if (re.test(content)) return { skip };
  return undefined;
}
