// The explorer shows descriptions: every type, field, argument, input field and enum value of the
// schema has one (README.md, "The graph"). Built from the code, so a field added without a description fails here.
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLSchema,
} from 'graphql';
import { buildGatewaySchema } from '../../src/gateway/schema';

const missingDescriptions = (schema: GraphQLSchema): string[] => {
  const missing: string[] = [];
  const need = (where: string, description: string | null | undefined) => {
    if (!description || !description.trim()) missing.push(where);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    // Built-in scalars (String, Int, …) are described by the spec, not by us.
    if (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) need(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    } else if (isUnionType(type)) {
      // Described above; its members are object types described on their own.
    }
  }
  return missing;
};

describe('schema descriptions', () => {
  it('describes every type, field, argument, input field and enum value', async () => {
    expect(missingDescriptions(await buildGatewaySchema())).toEqual([]);
  });
});
