// What Apollo Sandbox (the development landing page) opens on for a first-time explorer when the
// gateway runs on the embedded sandbox: an example operation and a test token. The composition
// root (src/app.ts) passes the sandbox's published test tokens (src/sandbox/README.md), never a real
// credential; with real APIs configured nothing is preset.

export interface ExplorerPreset {
  document: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
  /** A subscription to try beside it (the offline explorer opens it in a tab of its own). */
  watch?: { document: string; variables: Record<string, unknown> };
}

/**
 * The sandbox's MLM seller: owner of payment 3506756222 and order 1653027692 (the order payments page,
 * docs/sources.md), which the example reads.
 */
export const EXAMPLE_SELLER = 'TEST-SELLER-277582551';

const document = (
  others: readonly string[],
) => `# Welcome to mpgraph: Mercado Pago and Mercado Libre in one graph, here on the embedded sandbox.
# The Authorization header below is the sandbox's test seller ${EXAMPLE_SELLER}. Other test tokens:
#   ${others.join(', ')}
# Run this to read a Mercado Libre order with its Mercado Pago payments (3 upstream calls), then
# open the Documentation panel: every type and field is described.
query OrderWithPayments($id: ID!) {
  order(id: $id) {
    id
    status
    dateCreated
    totalAmount { amount currency }
    balanceDue { amount currency }
    fullyPaid
    buyer { nickname firstName lastName }
    items { title quantity unitPrice { amount currency } }
    payments {
      id
      status
      statusDetail
      statusMessage(locale: EN)
      installments
      amount { amount currency }
      totalPaidAmount { amount currency }
      card { firstSixDigits lastFourDigits }
    }
  }
}
`;

/** The preset for a gateway on the embedded sandbox, whose test tokens are `tokens`. */
export const sandboxExplorer = (tokens: readonly string[]): ExplorerPreset => ({
  document: document(tokens.filter((t) => t !== EXAMPLE_SELLER)),
  variables: { id: '1653027692' },
  headers: { Authorization: `Bearer ${EXAMPLE_SELLER}` },
  watch: {
    document:
      '# Run this, then move the payment on (e.g. POST /__sandbox/payments/3506756222/chargeback on the sandbox):\n' +
      "# each new state arrives here, read again with this tab's Authorization header.\n" +
      'subscription WatchPayment($id: ID!) {\n  paymentUpdated(id: $id) {\n    id\n    status\n    statusDetail\n' +
      '    statusMessage(locale: EN)\n  }\n}\n',
    variables: { id: '3506756222' },
  },
});
