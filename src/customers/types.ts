// The Customers API payload (API.md "The customer payload"): every value is a string.

export interface ContactPerson {
  name?: string;
  phone_number?: string;
  email?: string;
}

export interface BankAccount {
  bank_code?: string;
  bank_name?: string;
  account_holder_name?: string;
  account_number?: string;
}

export type CustomerType = "personal" | "company";

export interface GeneralInfo {
  name: string;
  customer_code: string;
  type: CustomerType;
  phone?: string;
  phone_code?: string;
  email?: string;
  tax_id?: string;
  custom_tag?: string;
  contact_persons?: ContactPerson[];
}

export interface Address {
  country?: string;
  province?: string;
  district?: string;
  ward?: string;
  address?: string;
  zip_code?: string;
}

export interface CustomerPayload {
  general_info: GeneralInfo;
  address?: Address;
  bank_accounts?: BankAccount[];
}

/** A full record as GET returns it. */
export interface CustomerRecord extends CustomerPayload {
  customer_id: string;
  created_at?: string;
  updated_at?: string;
}

/** A list entry (summary fields only). */
export interface CustomerSummary {
  customer_id: string;
  general_info: { name: string; customer_code: string; type: string };
  created_at?: string;
}
