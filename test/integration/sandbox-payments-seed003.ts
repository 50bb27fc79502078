// Seed 003 ("Obtener información del pago siendo vendedor"): payment 3506756222 as printed with
// the seller's token and with the buyer's token, copied verbatim (key order included).
export const SEED_3506756222_SELLER_VIEW: Record<string, any> = {
  "counter_currency": null,
  "acquirer_reconciliation": [],
  "statement_descriptor": "MERCADOPAGO",
  "captured": true,
  "fee_details": [
    {
      "amount": 487.2,
      "fee_payer": "payer",
      "type": "financing_fee"
    }
  ],
  "acquirer": null,
  "date_last_updated": "2018-03-05T10:06:55.000-04:00",
  "date_created": "2018-03-05T10:06:54.000-04:00",
  "id": 3506756222,
  "merchant_account_id": null,
  "issuer_id": "157",
  "date_of_expiration": null,
  "external_reference": "1653027692",
  "order": {
    "id": "1653027692",
    "type": "mercadolibre"
  },
  "transaction_amount": 3500,
  "description": "Maquina Industrial Recta Marca ",
  "card": {
    "id": null,
    "first_six_digits": "371772",
    "expiration_month": 10,
    "cardholder": {
      "identification": {
        "number": null,
        "type": null
      },
      "name": "JOAN C GONZALEZ GUZMAN"
    },
    "date_last_updated": "2018-03-05T10:06:54.000-04:00",
    "date_created": "2018-03-05T10:06:54.000-04:00",
    "expiration_year": 2019,
    "last_four_digits": "1001"
  },
  "transaction_details": {
    "total_paid_amount": 3987.2,
    "acquirer_reference": null,
    "payment_method_reference_id": null,
    "net_received_amount": 3500,
    "financial_institution": null,
    "payable_deferral_period": null,
    "installment_amount": 443.02,
    "external_resource_url": null,
    "overpaid_amount": 0
  },
  "coupon_amount": 0,
  "merchant_number": null,
  "call_for_authorize_id": null,
  "metadata": {},
  "currency_id": "MXN",
  "money_release_schema": null,
  "collector_id": 277582551,
  "status": "approved",
  "sponsor_id": null,
  "deduction_schema": null,
  "payment_method_id": "amex",
  "additional_info": {
    "items": [
      {
        "id": "MLM610028711",
        "title": "Maquina Industrial Recta Marca",
        "picture_url": null,
        "description": null,
        "category_id": "MLM184696",
        "quantity": "1",
        "unit_price": "3500"
      }
    ]
  },
  "processing_mode": "aggregator",
  "status_detail": "accredited",
  "binary_mode": false,
  "operation_type": "regular_payment",
  "installments": 9,
  "money_release_date": "2018-03-26T10:06:55.000-04:00",
  "payer": {
    "id": "53745235",
    "first_name": "Joan Carlos",
    "phone": {
      "extension": null,
      "area_code": null,
      "number": "5558800201"
    },
    "email": null,
    "identification": {
      "number": "83092109600",
      "type": "IFE"
    },
    "last_name": "Gonzalez Guzman",
    "entity_type": null,
    "type": "registered"
  },
  "notification_url": null,
  "transaction_amount_refunded": 0,
  "refunds": [],
  "date_approved": "2018-03-05T10:06:55.000-04:00",
  "authorization_code": "211118",
  "payment_type_id": "credit_card",
  "live_mode": true
};

export const SEED_3506756222_BUYER_VIEW: Record<string, any> = {
  "counter_currency": null,
  "acquirer_reconciliation": [],
  "statement_descriptor": "MERCADOPAGO",
  "captured": true,
  "fee_details": [
    {
      "amount": 487.2,
      "fee_payer": "payer",
      "type": "financing_fee"
    }
  ],
  "acquirer": null,
  "date_last_updated": "2018-03-05T10:06:55.000-04:00",
  "date_created": "2018-03-05T10:06:54.000-04:00",
  "id": 3506756222,
  "merchant_account_id": null,
  "payer_id": 53745235,
  "collector": {
    "id": 277582551,
    "first_name": "Belem",
    "phone": {
      "extension": null,
      "area_code": null,
      "number": "5547588284"
    },
    "email": null,
    "identification": {
      "number": null,
      "type": null
    },
    "last_name": "Jimenez"
  },
  "issuer_id": "157",
  "date_of_expiration": null,
  "external_reference": "1653027692",
  "order": {
    "id": "1653027692",
    "type": "mercadolibre"
  },
  "transaction_amount": 3500,
  "description": "Maquina Industrial Recta Marca ",
  "card": {
    "id": null,
    "first_six_digits": "371772",
    "expiration_month": 10,
    "cardholder": {
      "identification": {
        "number": null,
        "type": null
      },
      "name": "JOAN C GONZALEZ GUZMAN"
    },
    "date_last_updated": "2018-03-05T10:06:54.000-04:00",
    "date_created": "2018-03-05T10:06:54.000-04:00",
    "expiration_year": 2019,
    "last_four_digits": "1001"
  },
  "transaction_details": {
    "total_paid_amount": 3987.2,
    "acquirer_reference": null,
    "payment_method_reference_id": null,
    "net_received_amount": 3500,
    "financial_institution": null,
    "payable_deferral_period": null,
    "installment_amount": 443.02,
    "external_resource_url": null,
    "overpaid_amount": 0
  },
  "coupon_amount": 0,
  "merchant_number": null,
  "call_for_authorize_id": null,
  "metadata": {},
  "currency_id": "MXN",
  "money_release_schema": null,
  "status": "approved",
  "sponsor_id": null,
  "deduction_schema": null,
  "payment_method_id": "amex",
  "additional_info": {
    "items": [
      {
        "id": "MLM610028711",
        "title": "Maquina Industrial Recta Marca",
        "picture_url": null,
        "description": null,
        "category_id": "MLM184696",
        "quantity": "1",
        "unit_price": "3500"
      }
    ]
  },
  "processing_mode": "aggregator",
  "status_detail": "accredited",
  "binary_mode": false,
  "operation_type": "regular_payment",
  "installments": 9,
  "differential_pricing_id": null,
  "money_release_date": "2018-03-26T10:06:55.000-04:00",
  "notification_url": null,
  "transaction_amount_refunded": 0,
  "refunds": [],
  "date_approved": "2018-03-05T10:06:55.000-04:00",
  "authorization_code": "211118",
  "payment_type_id": "credit_card",
  "live_mode": true
};
