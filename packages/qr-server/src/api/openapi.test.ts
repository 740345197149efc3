/** /openapi.json must stay true: the routes, the parameters, their values. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { DEFAULT_ECL, DEFAULT_LOGO_SIZE, DEFAULT_MARGIN, DEFAULT_SCALE, ECLS, LOGO_TYPES, MAX_LOGO_BYTES, MAX_LOGO_PIXELS } from 'qr-core';
import { DEFAULT_MAX_BODY_BYTES } from './config.js';
import { ImageCache } from './image-cache.js';
import { LogoCache } from './logo-cache.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { DATA_FIELDS, FORMATS, MARGIN_RANGE, OPTION_FIELDS, SCALE_RANGE } from './qr-request.js';
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
    assert.deepEqual(query.map((parameter) => parameter.name).sort(), [...DATA_FIELDS, ...OPTION_FIELDS].sort());
    const schema = (name: string) => query.find((parameter) => parameter.name === name)?.schema;
    assert.deepEqual(schema('format')?.['enum'], FORMATS);
    assert.deepEqual(schema('ecl')?.['enum'], ECLS);
    assert.equal(schema('ecl')?.['default'], DEFAULT_ECL);
    assert.deepEqual([schema('scale')?.['minimum'], schema('scale')?.['maximum'], schema('scale')?.['default']], [SCALE_RANGE.min, SCALE_RANGE.max, DEFAULT_SCALE]);
    assert.deepEqual([schema('margin')?.['minimum'], schema('margin')?.['maximum'], schema('margin')?.['default']], [MARGIN_RANGE.min, MARGIN_RANGE.max, DEFAULT_MARGIN]);
  }
  const body = OPENAPI_DOCUMENT.components.schemas.QrOptions.properties;
  assert.deepEqual(Object.keys(body).sort(), [...DATA_FIELDS, ...OPTION_FIELDS].sort());
  assert.deepEqual(Object.keys(OPENAPI_DOCUMENT.components.schemas.QrForm.properties).sort(), [...DATA_FIELDS, ...OPTION_FIELDS].sort());
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
