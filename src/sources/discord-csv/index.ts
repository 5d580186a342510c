/**
 * DiscordChatExporter (DCE) CSV export of one channel or DM. Deprecated by DCE's maintainer ("use the JSON format
 * for automation", DCE#1152) but still common.
 *
 *   AuthorID,Author,Date,Content,Attachments,Reactions
 *   "900000000000000101","sam.sample","2024-03-01T18:04:11.5320000+00:00","answer me","",""
 *   "900000000000000101","sam.sample","2024-03-01T18:10:00.0000000+00:00","Started a call that lasted 2 minutes.","",""
 *   "900000000000000303","Jo Oldstyle#4821","04-Jan-19 05:52 PM","line one
 *   she said ""stop""","https://cdn.discordapp.com/attachments/1/2/photo.png","😂 (2)"
 *
 * Every cell is quoted with `""` escaping; content may hold newlines (read as LF also in a file converted to CRLF
 * throughout, whose cells hold CRLF); attachments are comma-joined URLs;
 * reactions `emoji (count)`. `Author` is the account's unique name (`name#1234` for old-style accounts), the
 * sender's name as written. Older DCE (2019) wrote `;` as the delimiter with a trailing `;`, and before
 * Sep 2019 had no AuthorID column (sender by name only). The `Date` forms are listed in dates.ts: with an offset
 * (current DCE) it is an instant; without one it is the exporting computer's wall clock, read in the case zone
 * (one DISCORD_CSV_LOCAL_TIME warning per file), and numeric dates take the file's day/month order from
 * `--date-order`, a day above 12, or the rows running forwards in time (DCE writes oldest first), else the locale
 * convention with a warning. There is no type column: DCE writes notices as fixed English sentences, so those
 * exact sentences are skipped as `system-…` and "Started a call that lasted N minutes." becomes a call of about
 * N minutes (flag `duration-rounded`). Locators are the line a row starts on. The conversation comes from DCE's
 * default file name (`Direct Messages - Sam [1200…].csv`) when the file still has it. A file cut short inside a
 * row, or broken off at a CSV error, counts the row it stops in as rejected at the line it starts on
 * (DISCORD_CSV_RECORD_CUT_SHORT beside DISCORD_CSV_TRUNCATED, DISCORD_CSV_RECORD_MALFORMED beside
 * DISCORD_CSV_INVALID), never emitted with the cells read. DCE quotes every cell and ends every row with a line
 * break, so a last row with no line break after it is cut short unless it has all the header's cells and its last
 * cell is closed by its quote (in the 2019 layout, followed by its `;`). A cut inside a quoted cell or right
 * after any delimiter or closing quote but the row's last is told; the one cut that leaves a row whole is not.
 * A row too large to be a DCE row (over 16 MiB, or of more than 20,000 cells: a run of empty cells `"",""…`) is
 * never read whole (row-gate.ts): it is rejected at its line (DISCORD_CSV_ROW_TOO_LARGE) and reading goes on with
 * the next row.
 *
 * Unsupported: no message id (two overlapping CSVs cannot be matched by id; DCE#1152), no embeds (DCE#431),
 * custom date formats other than unix/unixms, and month or AM/PM names in languages other than English.
 */
import type { Source } from '../source.js';
import { surveyOrder } from './order.js';
import { conversationFromName, emitRow, rowTime } from './row.js';
import { type Columns, columnsOf, HEADER, readRows } from './rows.js';

export { conversationFromName } from './row.js';

/** DiscordChatExporter CSV, current and 2019 layouts. */
export const discordCsv: Source = {
  id: 'discord-csv',
  label: 'Discord chat (DiscordChatExporter CSV)',
  reads:
    'messages, attachments and calls of one Discord channel or DM exported by DiscordChatExporter as CSV',
  recognisedBy: 'the header row AuthorID,Author,Date,Content,Attachments,Reactions (or its 2019 ";" form)',
  howToExport:
    'DiscordChatExporter: export format "CSV" (prefer "JSON": it keeps message ids, types and exact times)',
  extensions: ['.csv'],

  detect(probe) {
    const nl = probe.text.search(/\r|\n/);
    return HEADER.test(nl < 0 ? probe.text : probe.text.slice(0, nl));
  },

  async parse(input, ctx) {
    const order = await surveyOrder(input, ctx, ctx.options.dateOrder);
    const conversation = conversationFromName(input.name);
    let columns: Columns | undefined;
    let warnedLocal = false;
    await readRows(input, ctx, (cells, line) => {
      if (!columns) {
        columns = columnsOf(cells);
        return;
      }
      if (cells.length === 1 && cells[0] === '') return; // a blank line is no record
      const time = rowTime(cells, columns, line, order, ctx);
      if (time === undefined) return;
      if (time.type === 'local' && !warnedLocal) {
        warnedLocal = true;
        ctx.warn(
          'DISCORD_CSV_LOCAL_TIME',
          line,
          `The dates have no UTC offset: they are the local time of the computer that exported the file, read in the case zone (${ctx.options.timezone}).`,
          'If that computer was set to another zone, pass it with --tz; a new DCE export (JSON, or CSV since Nov 2023) has exact times.',
        );
      }
      emitRow(cells, columns, line, time, conversation, ctx);
    });
  },
};
