/** /openapi.json must stay true: the routes, the parameters, their values. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { DEFAULT_ECL, DEFAULT_LOGO_SIZE, DEFAULT_MARGIN, DEFAULT_SCALE, ECLS, LOGO_TYPES, MAX_LOGO_BYTES, MAX_LOGO_PIXELS, SYMBOLOGIES } from 'qr-core';
import { DEFAULT_MAX_BODY_BYTES } from './config.js';
import { ImageCache } from './image-cache.js';
import { LogoCache } from './logo-cache.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { PAYLOAD_SCHEMAS, PAYLOAD_TYPES, type PayloadFieldSchema } from 'qr-core/payloads';
import { DATA_FIELDS, FORMATS, JSON_FIELDS, MARGIN_RANGE, MAX_HEIGHT_RANGE, MAX_WIDTH_RANGE, OPTION_FIELDS, PAYLOAD_FIELD, SCALE_RANGE } from './qr-request.js';
import { apiRoutes } from './routes.js';

const ROUTES = apiRoutes({ images: new ImageCache(0), logos: new LogoCache(0) });

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Parameter {
  name: string;
  in: string;
  schema: Record<string, unknown>;
}

function operations(): string[] {
  return Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => HTTP_METHODS.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

test('is an OpenAPI 3.1 document', () => {
  assert.match(OPENAPI_DOCUMENT.openapi, /^3\.1\.\d+$/);
  assert.ok(OPENAPI_DOCUMENT.info.title && OPENAPI_DOCUMENT.info.version);
});

test('describes exactly the routes in the route table', () => {
  assert.deepEqual(operations().sort(), ROUTES.map((route) => `${route.method} ${route.path}`).sort());
});

test('every $ref points at something in the document', () => {
  const refs = JSON.stringify(OPENAPI_DOCUMENT).match(/"\$ref":"[^"]+"/g) ?? [];
  assert.ok(refs.length > 0);
  for (const ref of refs) {
    const path = ref.slice('"$ref":"#/'.length, -1).split('/');
    let node: unknown = OPENAPI_DOCUMENT;
    for (const key of path) node = (node as Record<string, unknown>)[key];
    assert.ok(node !== undefined, `${ref} resolves`);
  }
});

test('/generate_qr/ documents exactly the fields the server reads, with their real values', () => {
  const operationsOfGenerate = OPENAPI_DOCUMENT.paths['/generate_qr/'];
  for (const operation of [operationsOfGenerate.get, operationsOfGenerate.post]) {
    const query = (operation.parameters as readonly Parameter[]).filter((parameter) => parameter.in === 'query');
    assert.deepEqual(query.map((parameter) => parameter.name).sort(), [...DATA_FIELDS, PAYLOAD_FIELD, ...OPTION_FIELDS].sort());
    const schema = (name: string) => query.find((parameter) => parameter.name === name)?.schema;
    assert.deepEqual(schema('format')?.['enum'], FORMATS);
    assert.deepEqual(schema('ecl')?.['enum'], ECLS);
    assert.equal(schema('ecl')?.['default'], DEFAULT_ECL);
    assert.deepEqual([schema('scale')?.['minimum'], schema('scale')?.['maximum'], schema('scale')?.['default']], [SCALE_RANGE.min, SCALE_RANGE.max, DEFAULT_SCALE]);
    assert.deepEqual([schema('margin')?.['minimum'], schema('margin')?.['maximum'], schema('margin')?.['default']], [MARGIN_RANGE.min, MARGIN_RANGE.max, DEFAULT_MARGIN]);
  }
  const body = OPENAPI_DOCUMENT.components.schemas.QrOptions.properties;
  assert.deepEqual(Object.keys(body).sort(), [...JSON_FIELDS].sort());
  assert.deepEqual(Object.keys(OPENAPI_DOCUMENT.components.schemas.QrForm.properties).sort(), [...JSON_FIELDS].sort());
});

test('symbology, gs1, maxHeight and maxWidth: their enums, ranges, defaults and examples as the code has them, in the query and the bodies', () => {
  const { QrOptions, QrForm } = OPENAPI_DOCUMENT.components.schemas;
  for (const operation of [OPENAPI_DOCUMENT.paths['/generate_qr/'].get, OPENAPI_DOCUMENT.paths['/generate_qr/'].post]) {
    const schema = (name: string) => (operation.parameters as readonly Parameter[]).find((parameter) => parameter.name === name && parameter.in === 'query')?.schema;
    assert.deepEqual([schema('symbology')?.['enum'], schema('symbology')?.['default']], [SYMBOLOGIES, 'qr']);
    assert.deepEqual([schema('gs1')?.['type'], schema('gs1')?.['default']], ['boolean', false]);
    assert.deepEqual([schema('maxHeight')?.['minimum'], schema('maxHeight')?.['maximum']], [MAX_HEIGHT_RANGE.min, MAX_HEIGHT_RANGE.max]);
    assert.deepEqual([schema('maxWidth')?.['minimum'], schema('maxWidth')?.['maximum']], [MAX_WIDTH_RANGE.min, MAX_WIDTH_RANGE.max]);
    for (const name of ['symbology', 'gs1', 'maxHeight', 'maxWidth']) assert.ok(Array.isArray(schema(name)?.['examples']), `${name} has examples`);
  }
  for (const body of [QrOptions, QrForm]) assert.deepEqual(body.properties.symbology.enum, SYMBOLOGIES);
  assert.match(QrOptions.properties.ecl.description, /QR Code L, M, Q, H; Micro QR L, M, Q; rMQR M, H/);
  assert.match(QrOptions.properties.margin.description, /4 for QR Code, 2 for Micro QR, 2 for rMQR/);
  assert.match(QrOptions.properties.symbology.description, /Logos are drawn on QR codes only/);
  assert.match(QrOptions.properties.gs1.description, /\(01\)09506000134352/);
});

test('logo and logoSize: their limits as the code has them, the file part for multipart, the body limit', () => {
  const { QrOptions, QrForm } = OPENAPI_DOCUMENT.components.schemas;
  assert.deepEqual([QrOptions.properties.logoSize.exclusiveMinimum, QrOptions.properties.logoSize.maximum], [0, 1]);
  assert.match(QrOptions.properties.logo.description, new RegExp(`at most ${MAX_LOGO_BYTES} bytes.*at most ${MAX_LOGO_PIXELS} pixels.*never fetches a URL.*ecl is H`));
  assert.match(QrOptions.properties.logoSize.description, new RegExp(`default: ${DEFAULT_LOGO_SIZE}`));
  assert.deepEqual(QrForm.properties.logo.anyOf.map((schema) => schema.contentMediaType ?? 'text'), ['application/octet-stream', 'text']);
  const content = OPENAPI_DOCUMENT.paths['/generate_qr/'].post.requestBody.content;
  assert.equal(content['multipart/form-data'].schema.$ref, '#/components/schemas/QrForm');
  for (const type of LOGO_TYPES) assert.ok(content['multipart/form-data'].encoding.logo.contentType.includes(type), type);
  assert.match(OPENAPI_DOCUMENT.paths['/generate_qr/'].post.requestBody.description, new RegExp(`default ${DEFAULT_MAX_BODY_BYTES / 1024} KiB`));
});

/** A field's JSON Schema as the test expects it from its kind: written here again, so that the document is checked, not copied. */
function expectedField(field: PayloadFieldSchema): Record<string, unknown> {
  const about = { title: field.label, description: field.description };
  if (field.kind === 'strings') return { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], ...about };
  if (field.kind === 'choice') return { type: 'string', enum: field.choices, ...about };
  return { type: field.kind, ...(field.secret ? { format: 'password', writeOnly: true } : {}), ...about };
}

test("each payload type's schema is PAYLOAD_SCHEMAS's, under one oneOf told apart by type", () => {
  const schemas = OPENAPI_DOCUMENT.components.schemas as unknown as Record<string, Record<string, unknown>>;
  const name = (type: string) => `${type[0]?.toUpperCase()}${type.slice(1)}Payload`;
  const refs = PAYLOAD_TYPES.map((type) => `#/components/schemas/${name(type)}`);
  assert.deepEqual(schemas['Payload']?.['oneOf'], refs.map(($ref) => ({ $ref })));
  assert.deepEqual(schemas['Payload']?.['discriminator'], { propertyName: 'type', mapping: Object.fromEntries(PAYLOAD_TYPES.map((type, i) => [type, refs[i]])) });
  for (const type of PAYLOAD_TYPES) {
    const { label, fields, ecl } = PAYLOAD_SCHEMAS[type];
    const schema = schemas[name(type)];
    assert.ok(schema, type);
    assert.deepEqual(
      { ...schema, description: undefined },
      {
        type: 'object',
        title: label,
        description: undefined,
        additionalProperties: false,
        required: ['type', ...fields.filter((field) => field.required).map((field) => field.name)],
        properties: { type: { const: type }, ...Object.fromEntries(fields.map((field) => [field.name, expectedField(field)])) },
      },
      type,
    );
    if (ecl !== undefined) assert.match(String(schema['description']), new RegExp(`ECL ${ecl}, which its specification requires`), type);
  }
  // The payload is a JSON member, and in the query and forms an object exploded into its fields.
  const { QrOptions, QrForm } = OPENAPI_DOCUMENT.components.schemas;
  assert.equal(QrOptions.properties.payload.$ref, '#/components/schemas/Payload');
  assert.equal(QrForm.properties.payload.$ref, '#/components/schemas/Payload');
  const post = OPENAPI_DOCUMENT.paths['/generate_qr/'].post;
  const parameter = (post.parameters as readonly Record<string, unknown>[]).find((candidate) => candidate['name'] === 'payload');
  assert.deepEqual([parameter?.['style'], parameter?.['explode'], parameter?.['schema']], ['form', true, { $ref: '#/components/schemas/Payload' }]);
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data'] as const) {
    assert.deepEqual(post.requestBody.content[type].encoding.payload, { style: 'form', explode: true }, type);
  }
  assert.ok('field' in OPENAPI_DOCUMENT.components.schemas.Problem.properties);
});
