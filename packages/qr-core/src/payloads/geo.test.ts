/** geo(): `geo:` URIs, RFC 5870 — its examples, ranges, poles, precision. */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { geo, type GeoPayload } from './geo.js';
import { payload } from './index.js';
import { throwsPayload } from './test-support/assert.js';
import { roundTrip } from './test-support/readers.js';

describe('geo', () => {
  const cases: [string, GeoPayload, string][] = [
    ["RFC 5870 §1's example", { latitude: 13.4125, longitude: 103.8667 }, 'geo:13.4125,103.8667'],
    ["RFC 5870 §6.2's example with altitude (its 48.2010 is written without the trailing zero)", { latitude: 48.201, longitude: 16.3695, altitude: 183 }, 'geo:48.201,16.3695,183'],
    ['negative coordinates and altitude', { latitude: -33.856784, longitude: -151.215297, altitude: -12.5 }, 'geo:-33.856784,-151.215297,-12.5'],
    ['at most 6 decimals, rounded', { latitude: 51.50344123, longitude: -0.12763999 }, 'geo:51.503441,-0.12764'],
    ['altitude at most 2 decimals', { latitude: 0, longitude: 0, altitude: 8848.8649 }, 'geo:0,0,8848.86'],
    ['−0 and values that round to it are 0', { latitude: -0, longitude: -0.0000001 }, 'geo:0,0'],
    ['the ranges inclusive', { latitude: -89.999999, longitude: 180 }, 'geo:-89.999999,180'],
    ['−180', { latitude: 10, longitude: -180 }, 'geo:10,-180'],
    ['at a pole the longitude is 0 (RFC 5870 §3.4.2)', { latitude: 90, longitude: 45.5 }, 'geo:90,0'],
    ['the south pole', { latitude: -90, longitude: -120, altitude: 2835 }, 'geo:-90,0,2835'],
    ['a latitude that rounds to the pole', { latitude: 89.9999999, longitude: 12 }, 'geo:90,0'],
  ];
  for (const [name, input, expected] of cases) {
    test(`${name}: ${expected}`, async () => {
      assert.equal(geo(input), expected);
      assert.equal(payload({ type: 'geo', ...input }), expected);
      assert.equal(await roundTrip(expected), expected);
    });
  }

  test('every wrong field is INVALID_PAYLOAD naming it', () => {
    const g = (input: unknown) => () => geo(input as GeoPayload);
    throwsPayload(g({ longitude: 1 }), 'geo: latitude is missing: it is required', 'latitude');
    throwsPayload(g({ latitude: 1 }), 'geo: longitude is missing: it is required', 'longitude');
    throwsPayload(g({ latitude: 90.0000001, longitude: 0 }), 'geo: latitude 90.0000001 is out of range: a latitude is from -90 to 90 degrees', 'latitude');
    throwsPayload(g({ latitude: -91, longitude: 0 }), 'geo: latitude -91 is out of range: a latitude is from -90 to 90 degrees', 'latitude');
    throwsPayload(g({ latitude: 0, longitude: 180.5 }), 'geo: longitude 180.5 is out of range: a longitude is from -180 to 180 degrees', 'longitude');
    throwsPayload(g({ latitude: 0, longitude: -181 }), 'geo: longitude -181 is out of range: a longitude is from -180 to 180 degrees', 'longitude');
    throwsPayload(g({ latitude: '51.5', longitude: 0 }), 'geo: latitude "51.5" must be a finite number', 'latitude');
    throwsPayload(g({ latitude: Number.NaN, longitude: 0 }), 'geo: latitude NaN must be a finite number', 'latitude');
    throwsPayload(g({ latitude: 0, longitude: Infinity }), 'geo: longitude Infinity must be a finite number', 'longitude');
    throwsPayload(g({ latitude: 0, longitude: 0, altitude: '10' }), 'geo: altitude "10" must be a finite number', 'altitude');
    throwsPayload(g({ latitude: 0, longitude: 0, uncertainty: 5 }), 'geo: uncertainty is not a field of geo: the fields are latitude, longitude, altitude', 'uncertainty');
  });
});
