import { registerEnumType } from 'type-graphql';

/** The languages of Mercado Pago's buyer-facing texts. */
export enum Locale {
  ES = 'ES',
  EN = 'EN',
  PT = 'PT',
}

registerEnumType(Locale, {
  name: 'Locale',
  description: 'A language for buyer-facing texts.',
  valuesConfig: {
    ES: { description: 'Spanish.' },
    EN: { description: 'English.' },
    PT: { description: 'Portuguese.' },
  },
});
