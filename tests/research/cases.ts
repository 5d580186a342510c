/** A generated set of case folders built from the demo case, with one broken case. */
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DEMO = 'fixtures/demo-case';

/** Builds DIR/<case>/… and returns the case names (one of them, `zz-broken`, has no usable input). */
export function makeCases(dir: string): string[] {
  const make = (name: string, files: string[]) => {
    const d = path.join(dir, name);
    mkdirSync(d, { recursive: true });
    copyFileSync(path.join(DEMO, 'case.json'), path.join(d, 'case.json'));
    for (const f of files) cpSync(path.join(DEMO, f), path.join(d, f), { recursive: true });
  };
  make('alpha-full', [
    'WhatsApp Chat with Sam.txt',
    'calls-20240601090000.xml',
    'incident-diary.csv',
    'sms-20240315120000.xml',
    'sms-20240601090000.xml',
    'whatsapp-iphone',
  ]);
  make('bravo-sms', ['sms-20240315120000.xml']);
  make('charlie-calls', ['calls-20240601090000.xml']);
  make('delta-whatsapp', ['WhatsApp Chat with Sam.txt']);
  make('echo-diary', ['incident-diary.csv']);
  make('foxtrot-two-sms', ['sms-20240315120000.xml', 'sms-20240601090000.xml']);
  mkdirSync(path.join(dir, 'zz-broken'));
  writeFileSync(path.join(dir, 'zz-broken', 'notes.bin'), Buffer.from([0, 1, 2, 3, 255]));
  // Two files not read, so its errors.csv reason lists two files, each with its own reason.
  writeFileSync(path.join(dir, 'zz-broken', 'empty.txt'), '');
  return [
    'alpha-full',
    'bravo-sms',
    'charlie-calls',
    'delta-whatsapp',
    'echo-diary',
    'foxtrot-two-sms',
    'zz-broken',
  ];
}
