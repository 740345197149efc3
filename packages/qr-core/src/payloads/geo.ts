/**
 * A place: a `geo:` URI, RFC 5870 — `geo:<latitude>,<longitude>[,<altitude>]` in WGS 84 (the
 * default and only registered CRS, §3.4.1), decimal degrees and metres.
 *
 * - Latitude is −90..90 and longitude −180..180 (§3.4.2); at a pole, where every longitude is the
 *   same place, the longitude is written 0 ("the <longitude> of coordinate values reflecting the
 *   poles ... SHOULD be set to '0'", §3.4.2).
 * - Degrees are written with at most 6 decimals (0.000001° is 11 cm of latitude: more than any
 *   phone's position is worth, and more digits only make the code larger), trailing zeros dropped;
 *   the altitude with at most 2 (1 cm). −0 is written 0.
 */
import { checkFields, fail, show, type Checked } from './fields.js';
import { defineSchema } from './schema.js';

export interface GeoPayload {
  /** Degrees north, −90..90. */
  latitude: number;
  /** Degrees east, −180..180. */
  longitude: number;
  /** Metres above the WGS 84 reference ellipsoid. */
  altitude?: number;
}

export const GEO_SCHEMA = defineSchema({
  type: 'geo',
  label: 'Location',
  fields: [
    { name: 'latitude', kind: 'number', required: true, label: 'Latitude', description: 'Degrees north of the equator, from -90 to 90 (WGS 84), such as 51.5034.' },
    { name: 'longitude', kind: 'number', required: true, label: 'Longitude', description: 'Degrees east of Greenwich, from -180 to 180 (WGS 84), such as -0.1276.' },
    { name: 'altitude', kind: 'number', required: false, label: 'Altitude', description: 'Metres above the WGS 84 ellipsoid.' },
  ],
});

/** The `geo:` URI of a place. */
export function geo(input: GeoPayload): string {
  const f = checkFields(GEO_SCHEMA, input);
  const latitude = degrees(f, 'latitude', 90);
  let longitude = degrees(f, 'longitude', 180);
  const lat = decimal(latitude, 6);
  if (lat === '90' || lat === '-90') longitude = 0;
  const altitude = f['altitude'] as number | undefined;
  return `geo:${lat},${decimal(longitude, 6)}${altitude === undefined ? '' : `,${decimal(altitude, 2)}`}`;
}

function degrees(f: Checked, field: 'latitude' | 'longitude', limit: number): number {
  const value = f[field] as number;
  if (value < -limit || value > limit) fail('geo', field, `${show(value)} is out of range: a ${field} is from -${limit} to ${limit} degrees`);
  return value;
}

/** `value` rounded to `places` decimals, without trailing zeros; never `-0`. */
export function decimal(value: number, places: number): string {
  const text = value.toFixed(places).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}
