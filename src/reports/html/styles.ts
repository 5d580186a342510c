/**
 * The page's stylesheet, one fixed string allowed by its SHA-256 in the Content-Security-Policy. System fonts
 * only (nothing to download); near-black text on white with a contrast of at least 7:1 for body and muted text;
 * a print stylesheet for A4 with a page break before each section, page numbers, table headers repeated on every
 * page (their headings wrapping so that no table is wider than the page), and every annex row shown whatever the
 * on-screen filter says, and a comparison folded away on screen (`details.aside`) printed open. A run of more than 20
 * characters without a space (a URL, a hash, a name typed without spaces: `span.brk`, escape.ts) may break anywhere
 * rather than push the page wider than A4; an ordinary word is not broken, so no table column is narrowed to a
 * letter or two (only in print, a word of a chronology message, should the row be too full for A4), and a table too
 * wide for a phone scrolls in its own box (`.scroll`). An identifier (a phone number, address or handle:
 * `bdi.ident`, or the `<bdi>` of an `.ident` cell) never breaks across lines, on screen or in print: a number split
 * over two lines is easily read or copied wrong.
 */
export const STYLES = `
:root {
  --ink: #1b1b1b; --muted: #545454; --rule: #c9c9c9; --faint: #f3f4f5; --accent: #1d3f66;
  --sans: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  --mono: "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 var(--sans); font-variant-numeric: tabular-nums; overflow-wrap: break-word; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 1; }
.page { max-width: 62rem; margin: 0 auto; padding: 2.5rem 2rem 4rem; }
a { color: var(--accent); }
code, .hash, .eid, .mono { font-family: var(--mono); font-size: .86em; }
h1, h2, h3 { line-height: 1.25; font-weight: 700; }
h1 { font-size: 1.75rem; margin: .25rem 0 1.25rem; }
h2 { font-size: 1.3rem; margin: 0 0 1rem; padding-bottom: .4rem; border-bottom: 2px solid var(--ink); }
h2 .num { color: var(--muted); font-weight: 400; margin-right: .5rem; }
h3 { font-size: 1.05rem; margin: 1.75rem 0 .6rem; }
p { margin: 0 0 .8rem; }
h4 { font-size: .98rem; margin: 1.4rem 0 .4rem; }
q { quotes: "“" "”"; }
section.subsection { margin: 0 0 1.5rem; }
.block { margin: 0 0 1.75rem; }
.ratio { font-size: .92rem; max-width: 52rem; margin-top: .5rem; }
table.comparison { width: auto; }
.muted { color: var(--muted); }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.cc { font-family: var(--mono); font-size: .8em; color: #7a1f1f; border: 1px solid #b9a3a3; border-radius: 2px; padding: 0 .15em; }

.doc-header { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; color: var(--muted); margin: 0; }
.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1.25rem; margin: 0 0 1.5rem; font-size: .92rem; }
.meta div { display: contents; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
nav.toc { margin: 0 0 2.5rem; font-size: .92rem; }
nav.toc h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); border: 0; margin: 0 0 .3rem; padding: 0; }
nav.toc ol { margin: 0; padding-left: 1.4rem; }

section.major { margin: 0 0 3.5rem; }
.lede { font-size: 1.1rem; max-width: 46rem; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0; margin: 1.25rem 0 .5rem; border-top: 1px solid var(--rule); border-left: 1px solid var(--rule); }
.figures.n9 { grid-template-columns: repeat(3, 1fr); }
.fig { padding: .7rem .8rem .8rem; border-right: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
.fig dt { font-size: .78rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.fig dd { margin: .15rem 0 0; }
.fig .big { display: block; font-size: 1.6rem; font-weight: 700; line-height: 1.2; }
.fig .note { display: block; font-size: .82rem; color: var(--muted); }
.findings { padding-left: 1.2rem; max-width: 50rem; }
.findings li { margin-bottom: .35rem; }
.accounting { margin-top: 1.5rem; padding: .6rem .8rem; background: var(--faint); border-left: 3px solid var(--ink); font-size: .92rem; }
.key { display: inline-block; min-width: 1.4em; text-align: center; border: 1px solid var(--ink); border-radius: 2px; font-weight: 700; font-size: .85em; }

table { border-collapse: collapse; width: 100%; font-size: .88rem; }
caption { text-align: left; color: var(--muted); padding-bottom: .3rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #e2e2e2; }
thead th { border-bottom: 1.5px solid var(--ink); font-weight: 700; white-space: nowrap; }
tbody th { font-weight: 400; }
tfoot td, tfoot th { border-top: 1.5px solid var(--ink); font-weight: 700; }
.num { text-align: right; white-space: nowrap; }
.num > .muted { white-space: normal; }
.nowrap { white-space: nowrap; }
table.plain { width: auto; }
table.compact th, table.compact td { padding: .2rem .25rem; font-size: .8rem; }
.scroll { overflow-x: auto; }
.sub { display: block; color: var(--muted); font-size: .85em; }
.sub.warn { color: #7a1f1f; }
.brk { overflow-wrap: anywhere; }
/* Inside a visually hidden caption the span has no box of its own: one line of it would reach far past the page. */
.vh .brk { display: contents; }
.hash { display: block; word-break: break-all; color: var(--muted); }
.loc { color: var(--muted); white-space: nowrap; }
dl.kv { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .35rem 1.25rem; margin: 0 0 1rem; font-size: .92rem; }
dl.kv div { display: contents; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; min-width: 0; }
dl.methods div { margin: 0 0 .7rem; }
dl.methods dt { font-weight: 700; }
dl.methods dd { margin: 0; max-width: 50rem; }
ul.plain { padding-left: 1.2rem; }

section.chart { margin: 2rem 0 2.5rem; }
section.chart figure { margin: 0; }
.chart-svg { display: block; width: 100%; height: auto; font-family: var(--sans); }
.chart-svg.natural { width: auto; max-width: 100%; }
.chart-svg text { font-size: 11px; fill: #262626; }
.chart-svg .ax { fill: #4a4a4a; font-size: 10.5px; }
.chart-svg .grid { stroke: #e4e4e4; stroke-width: 1; }
.chart-svg .grid-v { stroke: #efefef; stroke-width: 1; }
.chart-svg .tick, .chart-svg .base { stroke: #333; stroke-width: 1; }
.chart-svg .swatch { stroke: #333; stroke-width: .6; }
.chart-svg .hit { fill: #ffffff; fill-opacity: 0; }
.chart-svg .hit.veil { fill-opacity: .5; }
.chart-svg .milestone line { stroke: #000; stroke-width: 1.2; stroke-dasharray: 4 3; }
.chart-svg .milestone rect { fill: #fff; stroke: #000; stroke-width: 1; }
.chart-svg .milestone text { font-size: 10px; font-weight: 700; fill: #000; }
.chart-svg .cal.l0 { stroke: #bdbdbd; stroke-width: .8; }
.chart-svg .cal.ms { stroke: #000; stroke-width: 2.2; }
.chart-svg .cell { font-size: 10px; }
.chart-svg .cell.inv { fill: #ffffff; }
.chart-svg .bracket { fill: none; stroke: #4a4a4a; stroke-width: 1; }
.chart-svg .lane-bg { fill: #f6f7f8; }
.chart-svg .lane-label { font-family: var(--mono); font-size: 11px; }
.chart-svg .lane-note { paint-order: stroke; stroke: #fff; stroke-width: 7px; stroke-linejoin: round; }
.chart-svg .lane-note.on-shade { stroke: #f6f7f8; }
.chart-svg .span { fill: #0072B2; }
.chart-svg .cum-line { fill: none; stroke: #0072B2; stroke-width: 1.8; }
.chart-svg .cum-area { fill: #0072B2; fill-opacity: .12; }
.chart-svg .end-label { font-weight: 700; }
.chart-svg .day { fill: #9e9e9e; }
.chart-svg .seg { stroke: #000; stroke-width: 3; }
.chart-svg .seg-ci { fill: #D55E00; fill-opacity: .18; }
.chart-svg .seg-label { font-weight: 700; font-size: 10.5px; }
.chart-svg .cp line { stroke: #000; stroke-width: 1; stroke-dasharray: 1 2; }
.chart-svg .cp text { font-size: 10px; }
figcaption { font-size: .88rem; color: var(--muted); margin: .5rem 0 .4rem; max-width: 52rem; }
details.data-table { font-size: .88rem; }
details.data-table summary { cursor: pointer; color: var(--accent); }
details.data-table[open] summary { margin-bottom: .5rem; }
details.data-table .scroll { max-height: 26rem; overflow: auto; }

.filter { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem .75rem; margin: 1rem 0; padding: .6rem .8rem; background: var(--faint); border: 1px solid var(--rule); }
.filter[hidden] { display: none; }
.filter .ctl { display: inline-flex; align-items: center; gap: .4rem; max-width: 100%; }
.filter input { font: inherit; padding: .25rem .4rem; min-width: 16rem; border: 1px solid #767676; }
.filter select { font: inherit; padding: .2rem; border: 1px solid #767676; min-width: 0; max-width: 100%; }
.filter p { margin: 0 0 0 auto; color: var(--muted); font-size: .88rem; }
table.annex { font-size: .84rem; }
table.annex thead th { position: sticky; top: 0; background: #fff; }
table.annex .when { white-space: nowrap; }
table.annex .when .sub { white-space: normal; }
bdi.ident, .ident > bdi { white-space: nowrap; overflow-wrap: normal; word-break: normal; }
table.annex .ident { font-family: var(--mono); font-size: .92em; min-width: 16ch; }
table.annex .ident .sub { font-family: var(--sans); }
table.annex .msg { white-space: pre-wrap; width: 40%; }
table.annex .detail-name { font-style: italic; }
table.annex .src { font-size: .92em; }
table.annex .eid { display: block; color: var(--muted); font-size: .9em; }
.flags { display: block; }
.flag { display: inline-block; font-size: .72rem; color: var(--muted); border: 1px solid var(--rule); border-radius: 2px; padding: 0 .3em; margin-top: .2rem; }
table.annex tr:target { background: #fff3c4; }
.sdash-item { margin: 0 0 1.5rem; padding: .2rem 0 .2rem 1rem; border-left: 3px solid var(--rule); }
.sdash-item h3 { margin: .2rem 0 .3rem; font-size: 1rem; }
.sdash-item p { margin: 0 0 .4rem; font-size: .92rem; }
.qnum { display: inline-block; min-width: 2.2em; font-variant-numeric: tabular-nums; color: var(--muted); }
ul.facts { margin: .3rem 0 .5rem; padding-left: 1.2rem; font-size: .92rem; }
ul.refs, ul.quotes { margin: .2rem 0 .3rem; padding-left: 1.1rem; font-size: .88em; }
.sd-note { color: var(--muted); font-style: italic; }
footer.doc-footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; }

@page { size: A4; margin: 16mm 14mm 18mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; color: #545454; }
  @bottom-left { content: "chronolog report"; font-family: Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; color: #545454; }
}
@media print {
  body { font-size: 9.5pt; }
  .page { max-width: none; padding: 0; }
  .skip, nav.toc, .filter, details.data-table:not(.aside) { display: none !important; }
  /* A comparison folded away on screen is part of the printed record: open, its summary as a plain heading. */
  details.aside::details-content { content-visibility: visible; display: block; }
  details.aside summary { list-style: none; color: inherit; font-weight: 600; cursor: auto; }
  details.aside summary::-webkit-details-marker { display: none; }
  section.major { margin: 0; break-before: page; }
  section.major#summary { break-before: auto; }
  h2, h3 { break-after: avoid; }
  section.chart, .fig, tr, .sdash-item, .block > table, .block > .scroll > table { break-inside: avoid; }
  thead { display: table-header-group; }
  thead th { white-space: normal; }
  tfoot { display: table-footer-group; }
  table.annex thead th { position: static; }
  table.annex tr[hidden] { display: table-row !important; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  table { font-size: 8.5pt; }
  table.compact th, table.compact td { font-size: 8pt; }
  table.annex { font-size: 7.5pt; }
  /* The chronology's other columns hold single words or keep to one line; should they take nearly all of A4, a word
     of the message text breaks rather than the table running off the page. */
  table.annex .msg { overflow-wrap: anywhere; }
  table.annex th, table.annex td { padding: .25em .4em; }
}
@media (max-width: 720px) {
  .figures { grid-template-columns: repeat(2, 1fr); }
}
`;
