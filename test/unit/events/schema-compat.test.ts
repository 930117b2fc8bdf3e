import { breakingChanges, compareDetailSchemas, type JsonSchema } from '../../../events/schema-compat';
import { detailJsonSchemas } from '../../../events/json-schemas';

/** A deep copy of a generated schema, changed by `edit`, as the next version of the catalog would write it. */
function current(detailType: string): JsonSchema {
  return structuredClone(detailJsonSchemas()[detailType]) as JsonSchema;
}
function edited(detailType: string, edit: (schema: any) => void): JsonSchema {
  const schema = current(detailType);
  edit(schema);
  return schema;
}

describe('compareDetailSchemas', () => {
  it('finds nothing between a schema and itself', () => {
    // Act
    const changes = Object.keys(detailJsonSchemas()).flatMap((type) => compareDetailSchemas(current(type), current(type)));

    // Assess
    expect(changes).toEqual([]);
  });

  it.each([
    ['a property removed', 'ProductRegistered', (s: any) => delete s.properties.communeCode, { path: 'detail.communeCode', description: 'property removed' }],
    [
      'a new required property',
      'ProductRated',
      (s: any) => {
        s.properties.councilChair = { type: 'string' };
        s.required.push('councilChair');
      },
      { path: 'detail.councilChair', description: 'required property added' },
    ],
    ['an optional field made required', 'ProductRated', (s: any) => s.required.push('validUntil'), { path: 'detail.validUntil', description: 'now required' }],
    ['a type changed', 'ProductRated', (s: any) => (s.properties.score.type = 'string'), { path: 'detail.score', description: 'type changed from "number" to "string"' }],
    ['a number narrowed to an integer', 'ProductRated', (s: any) => (s.properties.score.type = 'integer'), { path: 'detail.score', description: 'type changed from "number" to "integer"' }],
    [
      'an enum value removed',
      'ProductRegistered',
      (s: any) => (s.properties.group.enum = s.properties.group.enum.filter((g: string) => g !== 'tourism')),
      { path: 'detail.group', description: 'enum values removed: "tourism"' },
    ],
    [
      'a nested enum value removed',
      'ProductRegistered',
      (s: any) => s.properties.subject.properties.kind.enum.pop(),
      { path: 'detail.subject.kind', description: 'enum values removed: "household"' },
    ],
    ['a maximum lowered', 'ProductRated', (s: any) => (s.properties.score.maximum = 90), { path: 'detail.score', description: 'maximum narrowed from 100 to 90' }],
    ['a minLength raised', 'ProductRated', (s: any) => (s.properties.productId.minLength = 5), { path: 'detail.productId', description: 'minLength narrowed from 1 to 5' }],
    ['a maxLength added', 'ProductRegistered', (s: any) => (s.properties.group.maxLength = 5), { path: 'detail.group', description: 'maxLength 5 added' }],
    [
      'a pattern changed',
      'ProductListedOnMarketplace',
      (s: any) => (s.properties.marketplace.pattern = '^[a-z]+$'),
      { path: 'detail.marketplace', description: 'pattern changed: now "^[a-z]+$"' },
    ],
    ['a const changed', 'ScienceTaskApproved', (s: any) => (s.properties.schemaVersion.const = 2), { path: 'detail.schemaVersion', description: 'const changed: now 2' }],
    [
      'list items narrowed',
      'IntellectualPropertyGranted',
      (s: any) => (s.properties.productIds.items.maxLength = 20),
      { path: 'detail.productIds[]', description: 'maxLength narrowed from 128 to 20' },
    ],
    ['the object closed', 'ScienceTaskApproved', (s: any) => (s.additionalProperties = false), { path: 'detail', description: 'additional properties no longer allowed' }],
  ])('calls %s breaking', (_case, detailType, edit, expected) => {
    // Act
    const breaking = breakingChanges(current(detailType), edited(detailType, edit));

    // Assess
    expect(breaking).toEqual([{ kind: 'breaking', ...expected }]);
  });

  it.each([
    ['an optional property added', 'ProductRegistered', (s: any) => (s.properties.website = { type: 'string' }), { path: 'detail.website', description: 'optional property added' }],
    [
      'a required field made optional',
      'ProductRegistered',
      (s: any) => (s.required = s.required.filter((r: string) => r !== 'group')),
      { path: 'detail.group', description: 'now optional' },
    ],
    ['an enum value added', 'ProductRegistered', (s: any) => s.properties.group.enum.push('service'), { path: 'detail.group', description: 'enum values added: "service"' }],
    ['a maximum raised', 'ProductRegistered', (s: any) => (s.properties.name.maxLength = 1000), { path: 'detail.name', description: 'maxLength widened from 500 to 1000' }],
    ['a minimum removed', 'ProductRated', (s: any) => delete s.properties.score.minimum, { path: 'detail.score', description: 'minimum 0 removed' }],
    ['an integer widened to a number', 'ProductRated', (s: any) => (s.properties.stars.type = 'number'), { path: 'detail.stars', description: 'type widened from "integer" to "number"' }],
    ['a type widened to a union', 'ProductRated', (s: any) => (s.properties.decisionNo.type = ['string', 'number']), { path: 'detail.decisionNo', description: 'type widened from "string" to ["string","number"]' }],
    ['a description changed', 'ProductRated', (s: any) => (s.properties.validUntil.description = 'Mặc định: 36 tháng'), { path: 'detail.validUntil', description: 'description changed' }],
  ])('calls %s compatible', (_case, detailType, edit, expected) => {
    // Act
    const changes = compareDetailSchemas(current(detailType), edited(detailType, edit));

    // Assess
    expect(changes).toEqual([{ kind: 'compatible', ...expected }]);
  });

  it('reports every difference of a mixed change, each with its kind', () => {
    // Prepare
    const next = edited('ProductListedOnMarketplace', (s) => {
      delete s.properties.listingUrl;
      s.required = s.required.filter((r: string) => r !== 'listingUrl');
      s.properties.price = { type: 'number', minimum: 0 };
    });

    // Act
    const changes = compareDetailSchemas(current('ProductListedOnMarketplace'), next);

    // Assess
    expect(changes).toEqual([
      { kind: 'breaking', path: 'detail.listingUrl', description: 'property removed' },
      { kind: 'compatible', path: 'detail.price', description: 'optional property added' },
    ]);
  });

  it('flags keywords it cannot judge for review', () => {
    // Prepare
    const next = edited('ProductRated', (s) => (s.properties.council = { anyOf: [{ type: 'string' }, { type: 'null' }] }));

    // Act
    const breaking = breakingChanges(current('ProductRated'), next);

    // Assess
    expect(breaking.map((c) => c.description)).toContain('anyOf changed (not compared in detail: review by hand)');
  });
});
