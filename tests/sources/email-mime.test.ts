import { describe, expect, it } from 'vitest';
import { firstMailbox } from '../../src/sources/email/address.js';
import { decodeCharset, decodeEncodedWords } from '../../src/sources/email/charset.js';
import { parseHeaderFields, parseStructured, splitHeader } from '../../src/sources/email/headers.js';
import { decodeEntities, htmlToText } from '../../src/sources/email/html.js';
import { readBody, splitMultipart } from '../../src/sources/email/mime.js';
import {
  base64Extent,
  decodeBase64,
  decodeQuotedPrintable,
  isMostlyNotBase64,
} from '../../src/sources/email/transfer.js';

const body = (raw: string) => {
  const b = Buffer.from(raw.replace(/\n/g, '\r\n'), 'latin1');
  const s = splitHeader(b);
  return readBody(parseHeaderFields(b.subarray(0, s.headerEnd)), b.subarray(s.bodyStart));
};

describe('encoded-words and charsets', () => {
  it('decodes B and Q words in any charset iconv-lite knows', () => {
    expect(decodeEncodedWords('=?UTF-8?B?w5xiZXJyYXNjaHVuZw==?=')).toBe('Überraschung');
    expect(decodeEncodedWords('=?ISO-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=')).toBe('Grüße aus Köln');
    expect(decodeEncodedWords('=?koi8-r?B?8NLJ18XU?=')).toBe('Привет');
    expect(decodeEncodedWords('=?utf-8?q?caf=c3=a9?=')).toBe('café');
    // A malformed "=" sequence in a Q word is kept literally.
    expect(decodeEncodedWords('=?ISO-8859-1?Q?a=ZZ_=E9=4?=')).toBe('a=ZZ é=4');
    expect(decodeEncodedWords('=?UTF-8*en?Q?hi?=')).toBe('hi');
  });

  it('joins adjacent words (dropping the folding white space) even when a character is split across them', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?caf=C3?=\r\n =?UTF-8?Q?=A9_tonight?=')).toBe('café tonight');
    expect(decodeEncodedWords('=?UTF-8?B?8J+Y?= =?UTF-8?B?ig==?=')).toBe('😊');
    expect(decodeEncodedWords('Re: =?UTF-8?Q?a?= and =?UTF-8?Q?b?=')).toBe('Re: a and b');
  });

  it('reads charsets iconv-lite lacks but the WHATWG Encoding Standard has (ISO-2022-JP, x-mac-roman)', () => {
    expect(decodeEncodedWords('=?ISO-2022-JP?B?GyRCJWEhPCVrGyhC?=')).toBe('メール');
    const jis = Buffer.from('\x1b$B$3$s$K$A$O\x1b(B', 'latin1');
    expect(decodeCharset(jis, 'ISO-2022-JP')).toEqual({ text: 'こんにちは', known: true });
    expect(decodeCharset(Buffer.from([0x63, 0x61, 0x66, 0x8e]), 'x-mac-roman')).toEqual({
      text: 'café',
      known: true,
    });
    // The standard maps ISO-2022-KR to "replacement": still unknown, never a string of U+FFFD.
    expect(decodeCharset(Buffer.from('x'), 'iso-2022-kr')).toEqual({ text: 'x', known: false });
  });

  it('leaves a word in an unknown charset exactly as written', () => {
    expect(decodeEncodedWords('=?x-klingon?Q?tlhIngan?= Hol')).toBe('=?x-klingon?Q?tlhIngan?= Hol');
  });

  it('leaves a word that cannot be decoded exactly as written (RFC 2047 §6.3), never as mojibake', () => {
    // B text outside the base64 alphabet, or of a length no encoder writes.
    expect(decodeEncodedWords('=?utf-8?b?invalid!!?=')).toBe('=?utf-8?b?invalid!!?=');
    expect(decodeEncodedWords('Re: =?UTF-8?B?w5xi?x?= =?UTF-8?B?S?=')).toBe(
      'Re: =?UTF-8?B?w5xi?x?= =?UTF-8?B?S?=',
    );
    expect(decodeEncodedWords('=?UTF-8?B?SGkh=?=')).toBe('=?UTF-8?B?SGkh=?=');
    // Unpadded base64 is unambiguous and read.
    expect(decodeEncodedWords('=?UTF-8?B?SGk?=')).toBe('Hi');
    // Bytes that are not UTF-8 under a UTF-8 label (Latin-1 sent as UTF-8), or not Shift_JIS under Shift_JIS.
    expect(decodeEncodedWords('=?utf-8?q?caf=E9?=')).toBe('=?utf-8?q?caf=E9?=');
    expect(decodeEncodedWords('=?shift_jis?q?=81=7F?=')).toBe('=?shift_jis?q?=81=7F?=');
    // A literal U+FFFD that the sender encoded is a character like any other.
    expect(decodeEncodedWords('=?utf-8?q?=EF=BF=BD?=')).toBe('\uFFFD');
  });

  it('decodes the good words beside a bad one, keeping the white space next to the bad one', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?Hello?= =?UTF-8?Q?bad=FF?= =?UTF-8?Q?again?=')).toBe(
      'Hello =?UTF-8?Q?bad=FF?= again',
    );
    expect(decodeEncodedWords('=?UTF-8?Q?a?= =?UTF-8?B?!!?= =?UTF-8?Q?b?=')).toBe('a =?UTF-8?B?!!?= b');
    // A character split across two words is still joined before it is judged.
    expect(decodeEncodedWords('=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?= =?UTF-8?Q?=FF?=')).toBe(
      'café =?UTF-8?Q?=FF?=',
    );
    // A word in an unknown charset keeps its space to a decoded neighbour.
    expect(decodeEncodedWords('=?x-klingon?Q?a?= =?utf-8?q?b?=')).toBe('=?x-klingon?Q?a?= b');
  });

  it('reads Latin-1 labels as Windows-1252 and undeclared 8-bit text as UTF-8 when valid', () => {
    expect(decodeCharset(Buffer.from([0x93, 0x68, 0x69, 0x94]), 'iso-8859-1').text).toBe('“hi”');
    expect(decodeCharset(Buffer.from('café', 'utf8'), undefined).text).toBe('café');
    expect(decodeCharset(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'us-ascii').text).toBe('café');
    expect(decodeCharset(Buffer.from('x'), 'x-unknown')).toEqual({ text: 'x', known: false });
  });
});

describe('headers', () => {
  it('unfolds fields and ends the block at the first empty line', () => {
    const raw = Buffer.from('Subject: one\r\n two\r\nX-A:b\r\n\r\nbody\r\n');
    const s = splitHeader(raw);
    expect(parseHeaderFields(raw.subarray(0, s.headerEnd))).toEqual([
      { name: 'subject', value: 'one two' },
      { name: 'x-a', value: 'b' },
    ]);
    expect(raw.subarray(s.bodyStart).toString()).toBe('body\r\n');
  });

  it('ends the block at a line that is not a field when the empty line is missing', () => {
    const raw = Buffer.from('From: a@example.org\nthis is already the body\n');
    const s = splitHeader(raw);
    expect(raw.subarray(s.bodyStart).toString()).toBe('this is already the body\n');
  });

  it('parses parameters with quotes and RFC 2231 continuations', () => {
    const ct = parseStructured('Multipart/Mixed; boundary="a;b"; charset=utf-8');
    expect(ct.value).toBe('multipart/mixed');
    expect(ct.params.get('boundary')).toBe('a;b');
    const cd = parseStructured("attachment; filename*0*=utf-8''f%C3; filename*1*=%BCr.pdf");
    expect(cd.params.get('filename')).toBe('für.pdf');
    expect(parseStructured('image/gif; name="=?UTF-8?Q?nyan_=E2=9C=94.gif?="').params.get('name')).toBe(
      'nyan ✔.gif',
    );
  });

  describe('RFC 2231 extended parameters', () => {
    const filename = (v: string) => parseStructured(`attachment; ${v}`).params.get('filename');

    it('decodes a charset-tagged value, with or without a language, and sections in any order', () => {
      expect(filename("filename*=utf-8''%E2%82%AC%20rates.pdf")).toBe('€ rates.pdf');
      expect(filename("filename*=UTF-8'en'%E2%82%AC%20rates.pdf")).toBe('€ rates.pdf');
      expect(filename("filename*=iso-8859-1''R%E9sum%E9.pdf")).toBe('Résumé.pdf');
      expect(filename("filename*=utf-8''%e2%82%ac.pdf")).toBe('€.pdf');
      // Parameters may be reordered in transit: the section numbers say the order (RFC 2231 §3).
      expect(filename("filename*1*=%AC.pdf; filename*0*=utf-8''%E2%82")).toBe('€.pdf');
      expect(filename('filename*0="long name "; filename*1="of a file.pdf"')).toBe('long name of a file.pdf');
      expect(filename('filename*0*=utf-8\'\'caf%C3%A9; filename*1=" menu.pdf"')).toBe('café menu.pdf');
      // A blank charset is allowed: read when the bytes are ASCII or valid UTF-8.
      expect(filename("filename*=''%E2%82%AC.pdf")).toBe('€.pdf');
    });

    it('keeps a value it cannot decode as written, never as mojibake', () => {
      // An invalid percent-escape, bytes not valid in the declared charset, an unknown charset.
      expect(filename("filename*=utf-8''%E2%82%ZZ.pdf")).toBe("utf-8''%E2%82%ZZ.pdf");
      expect(filename("filename*=utf-8''payslip%2march.pdf")).toBe("utf-8''payslip%2march.pdf");
      expect(filename("filename*=utf-8''R%E9sum%E9.pdf")).toBe("utf-8''R%E9sum%E9.pdf");
      expect(filename("filename*=x-user-charset''%A4%B3.pdf")).toBe("x-user-charset''%A4%B3.pdf");
      expect(filename("filename*=''%E9t%E9.pdf")).toBe("''%E9t%E9.pdf");
      // No charset section at all: the bytes' charset is unknown.
      expect(filename('filename*=%E2%82%AC.pdf')).toBe('%E2%82%AC.pdf');
      // A raw non-ASCII character has no byte value in a charset-tagged value.
      expect(filename("filename*=utf-8''€.pdf")).toBe("utf-8''€.pdf");
      // Continuations decoded together, kept together.
      expect(filename("filename*0*=utf-8''R%E9; filename*1*=sum%E9.pdf")).toBe("utf-8''R%E9sum%E9.pdf");
    });

    it('keeps sections that do not fit together as written: a gap, a repeat, a leading zero', () => {
      expect(filename("filename*0*=utf-8''flat%20door; filename*2*=.png")).toBe(
        "filename*0*=utf-8''flat%20door filename*2*=.png",
      );
      expect(filename('filename*0=a; filename*0=b; filename*1=c')).toBe(
        'filename*0=a filename*0=b filename*1=c',
      );
      expect(filename('filename*1=a; filename*2=b')).toBe('filename*1=a filename*2=b');
      expect(filename('filename*0=a; filename*01=b')).toBe('filename*0=a filename*01=b');
      expect(filename("filename*=utf-8''a.pdf; filename*0=b.pdf")).toBe(
        "filename*=utf-8''a.pdf filename*0=b.pdf",
      );
    });

    it('prefers the extended value to a plain one, and falls back to the plain one when it cannot be read', () => {
      expect(filename('filename="EUR rates.pdf"; filename*=utf-8\'\'%E2%82%AC%20rates.pdf')).toBe(
        '€ rates.pdf',
      );
      expect(filename('filename*=utf-8\'\'%E2%82%AC%20rates.pdf; filename="EUR rates.pdf"')).toBe(
        '€ rates.pdf',
      );
      expect(filename('filename="salary.xls"; filename*=x-user-charset\'\'%A4%B3.xls')).toBe('salary.xls');
      expect(filename('filename*=utf-8\'\'R%E9sum%E9.pdf; filename="CV.pdf"')).toBe('CV.pdf');
    });
  });

  it.each([
    ['"Ex, Partner" <ex@example.net>', { address: 'ex@example.net', name: 'Ex, Partner' }],
    ['Ex Partner <ex@example.net>, other@example.org', { address: 'ex@example.net', name: 'Ex Partner' }],
    ['ex@example.net (Ex Partner)', { address: 'ex@example.net', name: 'Ex Partner' }],
    ['=?UTF-8?B?SsO2cmc=?= <j@example.net>', { address: 'j@example.net', name: 'Jörg' }],
    ['<bare@example.net>', { address: 'bare@example.net' }],
    ['MAILER-DAEMON', { address: 'MAILER-DAEMON' }],
    ['Only A Name', { name: 'Only A Name' }],
    ['Friends: a@example.org, b@example.org;', { address: 'a@example.org' }],
    ['"Quote \\" inside" <q@example.org>', { address: 'q@example.org', name: 'Quote " inside' }],
  ])('reads the first mailbox of %s', (raw, expected) => {
    expect(firstMailbox(raw)).toEqual(expected);
  });

  it('has no mailbox for an empty group', () => {
    expect(firstMailbox('undisclosed-recipients:;')).toBeUndefined();
  });
});

describe('transfer encodings', () => {
  it('decodes quoted-printable with soft breaks and keeps malformed escapes', () => {
    expect(decodeQuotedPrintable(Buffer.from('caf=C3=A9 a=\r\nt n=\nine =ZZ =3d')).toString()).toBe(
      'café at nine =ZZ =',
    );
    expect(decodeQuotedPrintable(Buffer.from('trailing=  \r\nspace')).toString()).toBe('trailingspace');
  });

  it('decodes base64 across line breaks', () => {
    expect(decodeBase64(Buffer.from('w5xi\r\nZXJy\nYXNjaHVuZw==')).toString()).toBe('Überrasch' + 'ung');
  });

  it('decodes every line of base64 padded line by line, not only the first (Node stops at the first "=")', () => {
    expect(decodeBase64(Buffer.from('SGk=\nSGk=\n')).toString()).toBe('HiHi');
    expect(decodeBase64(Buffer.from('SGVsbG8=\r\nd29ybGQ=\r\nIQ==\r\n')).toString()).toBe('Helloworld!');
    // Groups padded on one line, and padded lines among unpadded ones.
    expect(decodeBase64(Buffer.from('SGk=SGk=')).toString()).toBe('HiHi');
    expect(decodeBase64(Buffer.from('w5xiZXJy\nYXNjaHVuZw==\nIQ==\n')).toString()).toBe('Überraschung!');
  });

  it('leaves what follows the last padded line unread when it is no base64 line (a list footer, a word)', () => {
    const footer = 'SGk=\r\n\r\n_______________\r\nList: https://lists.example.org/?id=7\r\n';
    expect(decodeBase64(Buffer.from(footer)).toString()).toBe('Hi');
    expect(decodeBase64(Buffer.from('SGk=\nThanks\n')).toString()).toBe('Hi');
    // A blank line ends the base64 (no encoder writes one inside it): a signature word after it is not decoded.
    expect(decodeBase64(Buffer.from('SGVsbG8gd29ybGQ=\r\n\r\nJohn')).toString()).toBe('Hello world');
  });

  it('finds where the base64 of a body ends, so that a footer after it is not decoded', () => {
    const body =
      'QW5zd2VyIG1lLiBJIGtub3cgd2hlcmUgeW91IGxpdmUu\r\n_______________\r\nLondon Runners list: https://lists.example.org/runners\r\n';
    expect(base64Extent(Buffer.from(body))).toBe(body.indexOf('_'));
    // Not base64 at all, or text whose first word merely looks like base64: nothing to decode.
    expect(base64Extent(Buffer.from('Hello there, how are you?\r\n'))).toBe(0);
    expect(base64Extent(Buffer.from('Hello\r\nHow are you?\r\n'))).toBe(0);
    // Base64 cut short with nothing after it is still base64 (the cut is flagged elsewhere).
    expect(base64Extent(Buffer.from('SGVsbG8gd29y'.slice(0, 10)))).toBe(10);
    // One mangled character in a line is ignored, as before.
    expect(base64Extent(Buffer.from('SGVs!bG8=\r\n'))).toBe(11);
  });

  it('tells a body that is mostly not base64 from base64 with a few stray characters', () => {
    expect(isMostlyNotBase64(Buffer.from('!!!notbase64***'))).toBe(true);
    // Plain text under a base64 header: the spaces inside its lines give it away.
    expect(isMostlyNotBase64(Buffer.from('See you on Friday at the usual place\r\n'))).toBe(true);
    // Line breaks, and spaces or tabs at a line's ends, are not counted; one stray character in 30 is ignored.
    expect(isMostlyNotBase64(Buffer.from('  w5xiZXJy\t\r\nYXNjaHVuZw==  \r\n'))).toBe(false);
    expect(isMostlyNotBase64(Buffer.from('w5xiZXJyYXNjaHVuZw==\r\nw5xi!ZXJy\r\n'))).toBe(false);
    expect(isMostlyNotBase64(Buffer.from(''))).toBe(false);
  });
});

describe('attached messages (message/rfc822)', () => {
  it('counts each as one attachment and notes its decoded Subject, From and Date, never its body', () => {
    const b = body(
      'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee below\n' +
        '--b\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename="fwd.eml"\n\n' +
        'From: =?UTF-8?B?SsO2cmc=?= <j@example.net>\nSubject: =?UTF-8?Q?last_warning?=\n\nthe forwarded words\n' +
        '--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n' +
        `${Buffer.from('Date: Mon, 8 Jan 2024 10:00:00 +0000\r\nSubject: second\r\n\r\nx').toString('base64')}\n` +
        '--b\nContent-Type: message/rfc822\n\nno header here, only text\n--b--\n',
    );
    expect(b.attachments).toBe(3);
    expect(b.attachmentNames).toEqual(['fwd.eml']);
    expect(b.attachedMessages).toEqual([
      'Subject: last warning, From: Jörg <j@example.net>',
      'Subject: second, Date: Mon, 8 Jan 2024 10:00:00 +0000',
    ]);
    expect(b.text).toBe('see below');
  });
});

describe('a text part declared base64 that is not base64', () => {
  it('keeps the text as written and says so, instead of decoding it into bytes nobody wrote', () => {
    const b = body(
      'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n!!!notbase64***\n',
    );
    expect(b.text).toBe('!!!notbase64***');
    expect(b.notBase64).toBe(true);
  });

  it('still decodes a real base64 part beside it, and marks only a body that has such a part', () => {
    const mixed = body(
      'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n' +
        'w5xiZXJyYXNjaHVuZw==\n--b\nContent-Type: text/plain\nContent-Transfer-Encoding: BASE64\n\nnot base64, a footer\n--b--\n',
    );
    expect(mixed.text).toBe('Überraschung\n\nnot base64, a footer');
    expect(mixed.notBase64).toBe(true);
    const good = body(
      'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nw5xiZXJy\nYXNjaHVuZw==\n',
    );
    expect(good).toMatchObject({ text: 'Überraschung', notBase64: false });
  });

  it('decodes a short base64 message and shows a list footer appended to it as written, not as garbage', () => {
    const b = body(
      'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n' +
        'QW5zd2VyIG1lLiBJIGtub3cgd2hlcmUgeW91IGxpdmUu\n\n' +
        '_______________________________________________\nfriends mailing list\nfriends@lists.example.org\n',
    );
    expect(b.text).toBe(
      'Answer me. I know where you live.\n\n_______________________________________________\nfriends mailing list\nfriends@lists.example.org',
    );
    expect(b.notBase64).toBe(false);
  });
});

describe('a body cut off before its end', () => {
  const b64 = Buffer.from('I know where you parked tonight, and who you were with.').toString('base64');
  const single = (bytes: string) =>
    body(`Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${bytes}`);

  it('is told from a multipart that never closes, naming the outermost boundary', () => {
    const b = body(
      'Content-Type: multipart/mixed; boundary=out\n\n--out\nContent-Type: multipart/alternative; boundary=in\n\n' +
        '--in\nContent-Type: text/plain\n\nfirst half\n--in\nContent-Type: text/html\n\n<p>first',
    );
    expect(b.text).toBe('first half');
    expect(b.cut).toEqual(['its multipart body has no closing boundary "--out--"']);
  });

  it('is told from base64 that stops mid-group without a line break, keeping the whole groups before', () => {
    expect(single(b64.slice(0, 41)).cut).toEqual([
      'a base64 part stops inside a group of four characters, mid-line',
    ]);
    expect(single(b64.slice(0, 41)).text).toBe('I know where you parked tonigh');
  });

  it('is not told from a complete body: padded, whole groups, a final line or none, a closed multipart', () => {
    expect(single(`${b64}\n`).cut).toEqual([]);
    expect(single(b64).cut).toEqual([]);
    expect(single(b64.slice(0, 40)).cut).toEqual([]);
    expect(single('SGk=\nSGk=').cut).toEqual([]);
    // An encoder that leaves out the padding still ends its line.
    expect(single(`${b64.slice(0, 41)}\n`).cut).toEqual([]);
    // A part that ends at its parent's next delimiter was not cut, only left unclosed by a sloppy writer.
    const closed = body(
      'Content-Type: multipart/mixed; boundary=out\n\n--out\nContent-Type: multipart/alternative; boundary=in\n\n' +
        `--in\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n${b64.slice(0, 41)}\n--out--\n`,
    );
    expect(closed.cut).toEqual([]);
  });

  it('cannot be told in quoted-printable or plain text, nor in a body mostly not base64', () => {
    expect(
      body('Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nI know wh').cut,
    ).toEqual([]);
    expect(single('See you on Friday at the usual pl').cut).toEqual([]);
  });
});

describe('HTML to text', () => {
  it('drops tags, hides style and script, turns blocks into lines and decodes entities', () => {
    expect(
      htmlToText(
        '<html><head><style>p{}</style></head><body><p>One&nbsp;&amp; two</p><div>three<br/>four</div>' +
          '<script>alert(1)</script><table><tr><td>a</td><td>b</td></tr></table>&#128512; &#x263A; 1 < 2</body></html>',
      ),
    ).toBe('One & two\n\nthree\nfour\n\na b\n\n😀 ☺ 1 < 2');
  });

  it('keeps the text after an unclosed <style> rather than hiding the rest of the mail', () => {
    expect(htmlToText('<style>p{} I will find you')).toBe('p{} I will find you');
  });

  it('keeps line breaks inside <pre> and leaves unknown entities alone', () => {
    expect(htmlToText('<pre>a\n  b</pre>')).toBe('a\nb');
    expect(decodeEntities('&bogus; &amp &copy &copy;')).toBe('&bogus; & &copy ©');
  });
});

describe('MIME structure', () => {
  it('prefers text/plain, falls back to HTML, and flags HTML-derived text', () => {
    const alt = (first: string, second: string) =>
      body(`Content-Type: multipart/alternative; boundary=b\n\n--b\n${first}\n--b\n${second}\n--b--\n`);
    expect(alt('Content-Type: text/html\n\n<b>bold</b>', 'Content-Type: text/plain\n\nplain')).toMatchObject({
      text: 'plain',
      fromHtml: false,
    });
    expect(
      alt('Content-Type: text/html\n\n<b>bold</b>', 'Content-Type: text/calendar\n\nBEGIN'),
    ).toMatchObject({
      text: 'bold',
      fromHtml: true,
      attachments: 0,
    });
  });

  it('counts explicit attachments wherever they sit, and inline parts only in the chosen alternative', () => {
    const b = body(
      'Content-Type: multipart/alternative; boundary=o\n\n--o\nContent-Type: text/plain\n\nhello\n' +
        '--o\nContent-Type: multipart/related; boundary=r\n\n--r\nContent-Type: text/html\n\n<p>hello</p>\n' +
        '--r\nContent-Type: image/png; name=logo.png\n\nPNG\n' +
        '--r\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=a.pdf\n\nPDF\n--r--\n--o--\n',
    );
    expect(b).toMatchObject({ text: 'hello', attachments: 1, attachmentNames: ['a.pdf'] });
  });

  it('does not count signatures, reports encrypted bodies and never reads attachment bytes as text', () => {
    const signed = body(
      'Content-Type: multipart/signed; boundary=s\n\n--s\nContent-Type: text/plain\n\nsigned text\n' +
        '--s\nContent-Type: application/pgp-signature\n\nSIG\n--s--\n',
    );
    expect(signed).toMatchObject({ text: 'signed text', attachments: 0 });
    expect(body('Content-Type: multipart/encrypted; boundary=e\n\n--e\n\nx\n--e--\n')).toMatchObject({
      text: '',
      encrypted: true,
    });
    expect(
      body('Content-Type: text/plain; name=n.txt\nContent-Disposition: attachment\n\nsecret notes'),
    ).toMatchObject({ text: '', attachments: 1, attachmentNames: ['n.txt'] });
  });

  it('shows the body of a multipart whose boundary never occurs instead of losing it, and says so', () => {
    const b = body('Content-Type: multipart/mixed; boundary=nope\n\njust text');
    expect(b.text).toBe('just text');
    expect(b.noParts).toEqual(['its multipart/mixed body never contains its boundary line "--nope"']);
    // Nothing shows a cut: the boundary parameter may simply be wrong.
    expect(b.cut).toEqual([]);
  });

  it('says when a multipart has no boundary parameter, only a closing line, or no body', () => {
    expect(body('Content-Type: multipart/mixed\n\n--b\n\nhi\n--b--\n')).toMatchObject({
      text: '--b\n\nhi\n--b--',
      noParts: ['its multipart/mixed Content-Type header has no boundary parameter'],
    });
    expect(body('Content-Type: multipart/mixed; boundary=b\n\npreamble\n--b--\n')).toMatchObject({
      text: 'preamble\n--b--',
      noParts: ['its multipart/mixed body has only a closing boundary line "--b--", no part before it'],
    });
    expect(body('Content-Type: multipart/alternative; boundary=b\n\n').noParts).toEqual([
      'its multipart/alternative body is empty (no line "--b")',
    ]);
  });

  it('names a nested multipart with no part, but not an unused alternative nor an attachment', () => {
    const nested = body(
      'Content-Type: multipart/mixed; boundary=o\n\n--o\nContent-Type: multipart/alternative; boundary=gone\n\n' +
        'hello\n--o\nContent-Type: text/plain\n\nfooter\n--o--\n',
    );
    expect(nested.text).toBe('hello\n\nfooter');
    expect(nested.noParts).toEqual([
      'its multipart/alternative body never contains its boundary line "--gone"',
    ]);
    const unused = body(
      'Content-Type: multipart/alternative; boundary=o\n\n--o\nContent-Type: text/plain\n\nhello\n' +
        '--o\nContent-Type: multipart/related; boundary=gone\n\n<p>hello</p>\n--o--\n',
    );
    expect(unused).toMatchObject({ text: 'hello', noParts: [] });
    const attached = body(
      'Content-Type: multipart/mixed; boundary=o\n\n--o\nContent-Type: text/plain\n\nhello\n' +
        '--o\nContent-Type: multipart/mixed; boundary=gone\nContent-Disposition: attachment\n\nx\n--o--\n',
    );
    expect(attached).toMatchObject({ text: 'hello', attachments: 1, noParts: [] });
  });

  it('finds parts as before: a complete multipart has no such note', () => {
    expect(body('Content-Type: multipart/mixed; boundary=b\n\n--b\n\nhi\n--b--\n').noParts).toEqual([]);
  });

  it('stops at a hostile nesting depth without blowing the stack', () => {
    let raw = 'Content-Type: text/plain\n\ndeep';
    for (let i = 0; i < 200; i++)
      raw = `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n${raw}\n--b${i}--\n`;
    expect(body(raw)).toMatchObject({ text: '', tooDeep: true });
  });

  it('does not take a longer boundary that starts the same way for the real one', () => {
    const parts = splitMultipart(Buffer.from('--ab\r\nA\r\n--abc\r\nstill A\r\n--ab--\r\n'), 'ab');
    expect(parts.map((p) => Buffer.from(p).toString())).toEqual(['A\r\n--abc\r\nstill A']);
  });

  it('undoes format=flowed', () => {
    expect(body('Content-Type: text/plain; format=flowed\n\nsoft \nbroken\n>quoted\n-- \nsig').text).toBe(
      'soft broken\n>quoted\n-- \nsig',
    );
    expect(body('Content-Type: text/plain; format=flowed; delsp=yes\n\nhal \nves').text).toBe('halves');
  });
});

describe('hostile input', () => {
  const n = 300_000;
  it('reads pathological headers in linear time (no regular-expression backtracking blow-up)', () => {
    expect(firstMailbox(`${' '.repeat(n)}x`)).toEqual({ address: 'x' });
    expect(firstMailbox(`${'@'.repeat(n)}<`)).toBeDefined();
    expect(firstMailbox(`"${'a'.repeat(n)}`)).toEqual({ address: 'a'.repeat(n) });
    expect(parseStructured(`a/b; ${'*'.repeat(n)}=1; x${'*'.repeat(n)}=2`).value).toBe('a/b');
    expect(decodeEncodedWords('=?'.repeat(n))).toBe('=?'.repeat(n));
    expect(decodeEncodedWords(`=?utf-8?q?${'a'.repeat(n)}`)).toHaveLength(n + 10);
    expect(htmlToText('<style>'.repeat(n / 10))).toBe('');
    expect(htmlToText('<!--'.repeat(n / 4))).toBe('');
    expect(htmlToText('<'.repeat(n))).toHaveLength(n);
  });
});
