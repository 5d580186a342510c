import { describe, expect, it } from 'vitest';
import { unknownZone } from '../../src/cli/time-zone-advice.js';
import { cli } from '../helpers/cli.js';

// What a user who does not know the IANA names types for --tz, and what they are told to give instead.
describe('a zone name Intl refuses', () => {
  it('names the zone of a city typed alone, spaces and case as typed', () => {
    expect(unknownZone('London').meant).toBe('Did you mean Europe/London? Give the zone as region/city.');
    expect(unknownZone('new york').meant).toBe(
      'Did you mean America/New_York? Give the zone as region/city.',
    );
    // ICU lists Kolkata as Asia/Calcutta; the name as it is spelled today is offered.
    expect(unknownZone('Kolkata').meant).toBe('Did you mean Asia/Kolkata? Give the zone as region/city.');
  });

  it('names the zone of a country with one zone', () => {
    expect(unknownZone('UK').meant).toBe('Did you mean Europe/London? Give the zone as region/city.');
    expect(unknownZone('Ireland').meant).toBe('Did you mean Europe/Dublin? Give the zone as region/city.');
  });

  it('names the nearest zone of a name with a typo, and none of a name near nothing', () => {
    expect(unknownZone('Europe/Londn').meant).toBe('Did you mean Europe/London?');
    expect(unknownZone('Amerca/Chicago').meant).toBe('Did you mean America/Chicago?');
    expect(unknownZone('Moskow').meant).toBe('Did you mean Europe/Moscow?');
    expect(unknownZone('Mars/Base').meant).toBe(
      'Give the zone as region/city, e.g. Europe/London, America/New_York, or UTC.',
    );
  });

  it('says an offset is no zone, and which Etc name holds it all year, its sign reversed', () => {
    const gmt1 = unknownZone('GMT+1');
    expect(gmt1.why).toBe(
      'is a fixed offset from UTC, not a time zone: a zone also says when the clocks change',
    );
    expect(gmt1.meant).toContain('give Etc/GMT-1 (IANA');
    expect(unknownZone('UTC-05:00').meant).toContain(
      'For UTC-5 all year round, with no clock changes, give Etc/GMT+5',
    );
    expect(unknownZone('GMT+0').meant).toContain('For UTC itself, give UTC.');
    // No Etc zone has a half hour: only the place's zone is offered.
    expect(unknownZone('+05:30').meant).toBe(
      'Give the zone of the place as region/city, e.g. Europe/Paris or America/New_York.',
    );
  });

  it('every zone offered is one --tz takes', () => {
    for (const typed of ['London', 'UK', 'Europe/Londn', 'Kolkata', 'Kyiv', 'Buenos Aires', 'Berln']) {
      for (const zone of unknownZone(typed).meant.match(/[A-Z][a-z]+\/[A-Za-z_/]+/g) ?? []) {
        expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow();
      }
    }
  });
});

describe('--tz and the case file say what was meant', () => {
  it('--tz London is a usage error naming Europe/London', () => {
    const r = cli(['report', 'fixtures/demo-case', '--tz', 'London']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: --tz "London" is not a time zone name: zones are named region/city, as in the IANA time zone database\nhint: Did you mean Europe/London? Give the zone as region/city.\n',
    );
  });

  it('batch --tz GMT+1 says an offset is no zone', () => {
    const r = cli(['batch', 'fixtures', '--tz', 'GMT+1', '--out', 'never-written']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --tz "GMT\+1" is a fixed offset from UTC, not a time zone/);
    expect(r.stderr).toMatch(/Etc\/GMT-1/);
  });
});
