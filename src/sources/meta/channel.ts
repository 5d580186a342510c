/**
 * Messenger or Instagram? Both apps export the same thread schema (JSON and HTML), and no field tells them apart:
 * `is_geoblocked_for_viewer`, `thread_path` and the rest appear in both (bepaald/signalbackup-tools#331 shows them
 * in a Messenger export). What does differ is where the file sits: Instagram's archive is
 * `instagram-<user>-<date>.zip` with `your_instagram_activity/messages/…` (older: `messages/inbox/…` inside the
 * Instagram zip), Facebook's is `facebook-<user>-<date>.zip` with `your_activity_across_facebook/` or
 * `your_facebook_activity/`. So the channel is read from the path, and a path that names neither app is
 * reported as an assumption rather than guessed silently.
 */
import type { Channel } from '../../model/index.js';

/** Folders whose child folder is named after the people in the thread (`inbox/instagramfan_123/`). */
const THREAD_PARENTS = new Set([
  'inbox',
  'archived_threads',
  'filtered_threads',
  'message_requests',
  'e2ee_cutover',
  'requests',
]);

/**
 * The app a thread file belongs to, and whether the path said so (`named`) or it is the default. The deepest
 * folder that names an app wins, so `evidence-instagram/facebook-jo.zip!/your_facebook_activity/…` is Messenger.
 * The file's own name is not read: Meta names it `message_N.json`, or after the thread's people in the
 * end-to-end-encrypted download (`Instagram Besties_5.json` is a Messenger thread of that name).
 */
export function channelFromPath(path: string): { channel: Channel; named: boolean } {
  const segments = path.toLowerCase().split(/[/\\!]+/);
  for (let i = segments.length - 2; i >= 0; i--) {
    // A thread folder is derived from participants' names, so it says nothing about the app.
    if (i > 0 && THREAD_PARENTS.has(segments[i - 1]!)) continue;
    const seg = segments[i]!;
    if (seg.includes('instagram')) return { channel: 'instagram', named: true };
    if (seg.includes('facebook') || seg.includes('messenger')) return { channel: 'messenger', named: true };
  }
  return { channel: 'messenger', named: false };
}

/**
 * True for the path Meta's archive gives a JSON thread file: `…/messages/<inbox|archived_threads|…>/<thread>/
 * message_N.json`. Used only to say why such a file that no source recognised was not read (it is plainly meant
 * as one, so it is damaged), never to recognise a file.
 */
export function isThreadJsonPath(path: string): boolean {
  const segments = path.toLowerCase().split(/[/\\!]+/);
  const n = segments.length;
  return (
    n >= 4 &&
    /^message_\d+\.json$/.test(segments[n - 1]!) &&
    THREAD_PARENTS.has(segments[n - 3]!) &&
    segments[n - 4] === 'messages'
  );
}
