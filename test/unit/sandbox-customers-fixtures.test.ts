// The customers and cards of the customers and cards page as the store loads them, and the id helpers
// of mp/customers.ts / mp/cards.ts.
import { cardUserId, findSavedCard } from '../../src/sandbox/mp/cards';
import { cardExpired } from '../../src/sandbox/rules/paymentMethods';
import { CUSTOMER_ID } from '../../src/sandbox/ids';
import { customerView, findCustomer, idSuffix, newCustomerId } from '../../src/sandbox/mp/customers';
import { FIXTURE_CARD_NUMBERS, FIXTURE_SELLER_ID } from '../../src/sandbox/fixtures/customers';
import { luhnValid } from '../../src/sandbox/rules/paymentMethods';
import { Store } from '../../src/sandbox/store';

describe('customer fixtures', () => {
  const store = new Store();

  it('loads both customers of the customers and cards page, of seller 169648308, each with its default card', () => {
    const a = findCustomer(store, FIXTURE_SELLER_ID, '123456789-jxOV430go9fx2e');
    const b = findCustomer(store, FIXTURE_SELLER_ID, '247711297-jxOV430go9fx2e');
    expect(a?.body).toMatchObject({ email: 'test@test.com', default_card: '1490022319978' });
    expect(b?.body).toMatchObject({ default_card: '1493990563105' });
    expect(a?.cards.map((c) => c.id)).toEqual(['1490022319978']);
    expect(b?.cards.map((c) => c.id)).toEqual(['1493990563105']);
    expect(findCustomer(store, 277582551, '123456789-jxOV430go9fx2e')).toBeNull();
  });

  it('keeps Luhn-valid full numbers with the printed digits', () => {
    for (const [id, number] of Object.entries(FIXTURE_CARD_NUMBERS)) {
      const found = findSavedCard(store, id, FIXTURE_SELLER_ID);
      expect(luhnValid(number)).toBe(true);
      expect(found?.cardNumber).toBe(number);
      expect(number.startsWith(found?.card.first_six_digits as string)).toBe(true);
      expect(number.endsWith(found?.card.last_four_digits as string)).toBe(true);
    }
    expect(findSavedCard(store, '1490022319978', 277582551)).toBeNull();
  });

  it('is rebuilt by reset, changes undone', () => {
    const s = new Store();
    s.customers.get('123456789-jxOV430go9fx2e')!.body.first_name = 'Changed';
    s.customers.delete('247711297-jxOV430go9fx2e');
    s.reset();
    expect(s.customers.get('123456789-jxOV430go9fx2e')?.body.first_name).toBeNull();
    expect(s.customers.size).toBe(2);
  });

  it('answers with cards inside the customer, as a copy', () => {
    const view = customerView(store.customers.get('247711297-jxOV430go9fx2e')!);
    expect(view.cards[0]).toMatchObject({
      id: '1493990563105',
      customer_id: '247711297-jxOV430go9fx2e',
      user_id: '247711297',
    });
    view.cards[0].expiration_year = 1999;
    expect(store.customers.get('247711297-jxOV430go9fx2e')?.cards[0].expiration_year).toBe(2020);
  });
});

describe('ids', () => {
  it('makes customer ids of the real form, the same on every run', () => {
    const a = new Store();
    const b = new Store();
    const ids = [newCustomerId(a), newCustomerId(a)];
    expect(ids).toEqual([newCustomerId(b), newCustomerId(b)]);
    expect(ids[0]).not.toBe(ids[1]);
    for (const id of ids) expect(id).toMatch(/^\d{9}-[A-Za-z0-9]{14}$/);
    expect(idSuffix('x')).toHaveLength(14);
  });

  it('accepts the real id forms and nothing path-like', () => {
    for (const id of ['123456789-jxOV430go9fx2e', '000000001-sT93QZFAsfxU9P5']) expect(CUSTOMER_ID.test(id)).toBe(true);
    for (const id of ['..', '123456789', '123-abc/..', 'search']) expect(CUSTOMER_ID.test(id)).toBe(false);
  });

  it("prints a card's user_id as its customer's numeric part", () => {
    expect(cardUserId('255276729-yLOTNHQjpDWw1X')).toBe('255276729');
  });
});

describe('cardExpired', () => {
  const now = Date.UTC(2026, 10, 23); // November 2026
  it('treats a card as valid through its expiry month', () => {
    expect(cardExpired(11, 2026, now)).toBe(false);
    expect(cardExpired(10, 2026, now)).toBe(true);
    expect(cardExpired(12, 2020, now)).toBe(true);
    expect(cardExpired(1, 2027, now)).toBe(false);
  });
});
