import { registerEnumType } from 'type-graphql';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Which end of the list comes first.',
  valuesConfig: {
    ASC: { description: 'Oldest (smallest) first.' },
    DESC: { description: 'Newest (largest) first.' },
  },
});
